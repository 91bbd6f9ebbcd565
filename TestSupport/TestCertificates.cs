using Esp32Mqtt.Broker.Certificates;

namespace Esp32Mqtt.TestSupport;

/// <summary>Certificates made as a learner makes them, with the broker's <c>make-certificates</c>, for TLS tests.</summary>
public static class TestCertificates
{
    /// <summary>Runs make-certificates for the data directory <paramref name="dataDirectory"/> and returns where it wrote the files.</summary>
    public static CertificateFiles MakeIn(string dataDirectory)
    {
        using StringWriter output = new();
        using StringWriter messages = new();
        int exitCode = MakeCertificatesCommand.Run(dataDirectory, force: false, output, messages);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"make-certificates failed with {exitCode}: {messages}");
        }

        return CertificateFiles.In(dataDirectory);
    }
}
