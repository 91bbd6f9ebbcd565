using System.Diagnostics;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>
/// The TLS certificates both brokers serve in a run, made once by our broker's own <c>make-certificates</c> in a
/// temporary folder: the certificate authority and the server certificate a learner's broker would have.
/// </summary>
/// <param name="Folder">The temporary data directory make-certificates wrote to; deleted on dispose.</param>
internal sealed record BenchmarkCertificates(string Folder) : IDisposable
{
    private const string TemporaryPrefix = "esp32mqtt-bench-certificates-";
    private static readonly TimeSpan s_makeTimeout = TimeSpan.FromMinutes(1);

    // Where make-certificates writes in a data directory (Broker/Certificates/CertificateFiles.cs).
    private string Files => Path.Combine(Folder, "certificates");

    /// <summary>The authority's certificate, which clients check the brokers against.</summary>
    public string AuthorityCertificate => Path.Combine(Files, "ca.crt");

    /// <summary>The brokers' certificate.</summary>
    public string ServerCertificate => Path.Combine(Files, "server.crt");

    /// <summary>Its private key.</summary>
    public string ServerKey => Path.Combine(Files, "server.key");

    /// <summary>Runs <c>dotnet Broker.dll make-certificates</c> for a new temporary data directory.</summary>
    public static BenchmarkCertificates Make(string brokerDllPath)
    {
        string folder = Directory.CreateTempSubdirectory(TemporaryPrefix).FullName;
        ProcessStartInfo startInfo = new("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { brokerDllPath, "make-certificates", "--data", folder })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using Process make = Process.Start(startInfo) ?? throw new InvalidOperationException("make-certificates did not start.");
        string output = make.StandardOutput.ReadToEnd() + make.StandardError.ReadToEnd();
        if (!make.WaitForExit(s_makeTimeout) || make.ExitCode != 0)
        {
            throw new InvalidOperationException($"make-certificates failed: {output}");
        }

        return new BenchmarkCertificates(folder);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
    }
}
