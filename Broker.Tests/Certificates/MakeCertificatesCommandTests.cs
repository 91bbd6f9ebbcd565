using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using Esp32Mqtt.Broker.Certificates;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Tests.Certificates;

public sealed class MakeCertificatesCommandTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TemporaryDirectory _data = new();

    [Fact]
    public void Makes_the_authority_and_the_server_certificate_and_prints_the_firmware_setting()
    {
        // Act
        (int exitCode, string output, string messages) = Run(force: false);

        // Assert
        Assert.Equal(0, exitCode);
        CertificateFiles files = CertificateFiles.In(_data.FullPath);
        Assert.All(files.All, path => Assert.True(File.Exists(path), path));
        using X509Certificate2 authority = X509Certificate2.CreateFromPemFile(files.AuthorityCertificate, files.AuthorityKey);
        using X509Certificate2 server = X509Certificate2.CreateFromPemFile(files.ServerCertificate, files.ServerKey);
        Assert.Equal(authority.Subject, server.Issuer);
        Assert.Equal(FirmwareSettingFor(files.AuthorityCertificate), output.TrimEnd());
        Assert.Contains($"Made a certificate authority for this PC and a TLS certificate for the broker in {files.Folder}:", messages, StringComparison.Ordinal);
        Assert.Contains($"--tls --ca-file \"{files.AuthorityCertificate}\" --port 8883", messages, StringComparison.Ordinal);
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void Writes_the_private_keys_for_their_owner_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows has no Unix file modes; the keys take the data folder's permissions.");

        // Act
        Run(force: false);

        // Assert
        CertificateFiles files = CertificateFiles.In(_data.FullPath);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(files.AuthorityKey));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(files.ServerKey));
        Assert.True(File.GetUnixFileMode(files.AuthorityCertificate).HasFlag(UnixFileMode.OtherRead));
    }

    [Fact]
    public void Changes_nothing_when_run_again_and_prints_the_same_authority()
    {
        // Arrange
        (_, string firstOutput, _) = Run(force: false);
        CertificateFiles files = CertificateFiles.In(_data.FullPath);
        Dictionary<string, byte[]> before = files.All.ToDictionary(path => path, File.ReadAllBytes);

        // Act
        (int exitCode, string output, string messages) = Run(force: false);

        // Assert
        Assert.Equal(0, exitCode);
        Assert.All(files.All, path => Assert.Equal(before[path], File.ReadAllBytes(path)));
        Assert.Equal(firstOutput, output);
        Assert.Contains($"The certificates exist already in {files.Folder}; nothing was changed.", messages, StringComparison.Ordinal);
        Assert.Contains("server.crt  up to date for this PC's names and addresses. --force makes a new one all the same.", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void Makes_a_new_server_certificate_from_the_same_authority_with_force()
    {
        // Arrange
        Run(force: false);
        CertificateFiles files = CertificateFiles.In(_data.FullPath);
        byte[] authorityBefore = File.ReadAllBytes(files.AuthorityCertificate);
        byte[] serverBefore = File.ReadAllBytes(files.ServerCertificate);

        // Act
        (int exitCode, _, string messages) = Run(force: true);

        // Assert
        Assert.Equal(0, exitCode);
        Assert.Equal(authorityBefore, File.ReadAllBytes(files.AuthorityCertificate));
        Assert.NotEqual(serverBefore, File.ReadAllBytes(files.ServerCertificate));
        Assert.Contains("signed by the certificate authority already there (boards keep working)", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_a_server_certificate_whose_authority_is_missing_unless_forced()
    {
        // Arrange
        Run(force: false);
        CertificateFiles files = CertificateFiles.In(_data.FullPath);
        File.Delete(files.AuthorityKey);
        byte[] serverBefore = File.ReadAllBytes(files.ServerCertificate);

        // Act
        (int exitCode, string output, string messages) = Run(force: false);

        // Assert
        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Equal(serverBefore, File.ReadAllBytes(files.ServerCertificate));
        Assert.False(File.Exists(files.AuthorityKey));
        Assert.Contains("is missing, cannot be read or has expired; nothing was changed.", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_to_the_data_directory_given_on_the_command_line_when_run_as_the_broker_verb()
    {
        // Act
        ToolResult result = await CommandLineTool.RunAsync("dotnet", [BrokerProcess.BrokerDllPath, MakeCertificatesCommand.Verb, "--data", _data.FullPath], TestTimeouts.Process);

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        CertificateFiles files = CertificateFiles.In(_data.FullPath);
        Assert.Equal(FirmwareSettingFor(files.AuthorityCertificate), result.StandardOutput.TrimEnd());
        Assert.All(files.All, path => Assert.True(File.Exists(path), path));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _data.Dispose();
    }

    /// <summary>The line for DeviceSettings.cs, written out by hand from the certificate file.</summary>
    private static string FirmwareSettingFor(string authorityCertificate)
    {
        return "public const string BrokerCaCertificatePem = @\"" + File.ReadAllText(authorityCertificate).TrimEnd() + "\";";
    }

    private (int ExitCode, string Output, string Messages) Run(bool force)
    {
        using StringWriter output = new();
        using StringWriter messages = new();
        int exitCode = MakeCertificatesCommand.Run(_data.FullPath, force, output, messages);
        return (exitCode, output.ToString(), messages.ToString());
    }
}
