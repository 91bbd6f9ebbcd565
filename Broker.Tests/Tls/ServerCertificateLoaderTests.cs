using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esp32Mqtt.Broker.Certificates;
using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Tls;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Tests.Tls;

public sealed class ServerCertificateLoaderTests : IDisposable
{
    private const string Remake = "Make the certificates with: dotnet run --project Broker -- make-certificates";
    private static readonly ServerNames s_names = new(["localhost"], [IPAddress.Loopback]);

    private readonly TemporaryDirectory _folder = new();

    /// <summary>What is wrong with the files, and the line that says so; {certificate} and {key} stand for the paths.</summary>
    public static TheoryData<string, string> BadFiles => new()
    {
        { "no certificate file", "The TLS certificate file {certificate} does not exist. " + Remake + " (or set Broker:Tls:Enabled to false to start without TLS)." },
        { "no key file", "The TLS private key file {key} does not exist. " + Remake + " (or set Broker:Tls:Enabled to false to start without TLS)." },
        { "text that is not PEM", "The TLS certificate file {certificate} holds no certificate: it must hold a PEM certificate (-----BEGIN CERTIFICATE-----); make one with: dotnet run --project Broker -- make-certificates --force" },
        { "a key file without a key", "The TLS private key file {key} holds no private key: it must hold a PEM key (-----BEGIN PRIVATE KEY-----); make one with: dotnet run --project Broker -- make-certificates --force" },
        { "the key of another certificate", "The private key in {key} does not belong to the TLS certificate in {certificate}. Give the key that was made with that certificate, or make both again: dotnet run --project Broker -- make-certificates --force" },
        { "an encrypted key", "The TLS private key in {key} is encrypted with a password, which the broker cannot ask for at start. Give it an unencrypted key (for example: openssl pkey -in key.pem -out plain.pem)." },
        { "an expired certificate", "The TLS certificate in {certificate} expired on 2022-04-05: clients would refuse it. Make a new one with: dotnet run --project Broker -- make-certificates --force" },
        { "a certificate not valid yet", "The TLS certificate in {certificate} is valid only from 2030-12-31: check this PC's date and time." },
    };

    [Fact]
    public void Loads_the_certificate_with_its_key()
    {
        // Arrange
        TlsSetup setup = Write(MakeServer(DateTimeOffset.UtcNow));

        // Act
        SslStreamCertificateContext context = ServerCertificateLoader.Load(setup, DateTimeOffset.UtcNow);

        // Assert
        Assert.True(context.TargetCertificate.HasPrivateKey);
        Assert.Equal("CN=localhost, O=esp32mqtt", context.TargetCertificate.Subject);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Says_in_one_line_what_is_wrong_with_the_files(string what, string expected)
    {
        // Arrange
        TlsSetup setup = Spoil(what);

        // Act
        BrokerStartupException exception = Assert.Throws<BrokerStartupException>(() => ServerCertificateLoader.Load(setup, DateTimeOffset.UtcNow));

        // Assert
        Assert.Equal(expected.Replace("{certificate}", setup.CertificateFile, StringComparison.Ordinal).Replace("{key}", setup.KeyFile, StringComparison.Ordinal), exception.Message);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _folder.Dispose();
    }

    private static X509Certificate2 MakeServer(DateTimeOffset issuedAt)
    {
        using X509Certificate2 authority = LocalCertificateAuthority.Create("test", issuedAt);
        return LocalCertificateAuthority.IssueServerCertificate(authority, s_names, issuedAt);
    }

    private TlsSetup Write(X509Certificate2 server)
    {
        TlsSetup setup = new(true, _folder.Combine("server.crt"), _folder.Combine("server.key"), null);
        PemFiles.WriteCertificate(setup.CertificateFile, server);
        PemFiles.WritePrivateKey(setup.KeyFile, server);
        return setup;
    }

    private TlsSetup Spoil(string what)
    {
        // 825 days after 2020-01-01 is 2022-04-05; one issued on 2031-01-01 is valid from the day before.
        DateTimeOffset longAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset later = new(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using X509Certificate2 server = MakeServer(what switch
        {
            "an expired certificate" => longAgo,
            "a certificate not valid yet" => later,
            _ => DateTimeOffset.UtcNow,
        });
        TlsSetup setup = Write(server);
        switch (what)
        {
            case "no certificate file":
                File.Delete(setup.CertificateFile);
                break;
            case "no key file":
                File.Delete(setup.KeyFile);
                break;
            case "text that is not PEM":
                File.WriteAllText(setup.CertificateFile, "this is not a certificate");
                break;
            case "a key file without a key":
                File.Copy(setup.CertificateFile, setup.KeyFile, overwrite: true);
                break;
            case "the key of another certificate":
                using (X509Certificate2 other = MakeServer(DateTimeOffset.UtcNow))
                {
                    PemFiles.WritePrivateKey(setup.KeyFile, other);
                }

                break;
            case "an encrypted key":
                using (RSA key = server.GetRSAPrivateKey()!)
                {
                    PbeParameters encryption = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000);
                    File.WriteAllText(setup.KeyFile, key.ExportEncryptedPkcs8PrivateKeyPem("secret", encryption));
                }

                break;
        }

        return setup;
    }
}
