using Esp32Mqtt.Broker.Certificates;
using Esp32Mqtt.Broker.Configuration;

namespace Esp32Mqtt.Broker.Tls;

/// <summary>Whether the broker listens for TLS, and with which files, as <see cref="TlsOptions"/> and the data directory decide it.</summary>
/// <param name="Listens">Whether the TLS listener is on.</param>
/// <param name="CertificateFile">The server certificate (PEM), as an absolute path.</param>
/// <param name="KeyFile">Its private key (PEM), as an absolute path; the certificate file itself when no key file is set.</param>
/// <param name="AuthorityCertificateFile">The certificate authority's certificate <c>make-certificates</c> wrote, for the banner; null for a certificate of one's own.</param>
public sealed record TlsSetup(bool Listens, string CertificateFile, string KeyFile, string? AuthorityCertificateFile)
{
    /// <summary>The setup for <paramref name="options"/>.</summary>
    public static TlsSetup From(BrokerOptions options)
    {
        TlsOptions tls = options.Tls;
        if (tls.CertificateFile.Length > 0)
        {
            string certificate = Path.GetFullPath(tls.CertificateFile);
            string key = tls.KeyFile.Length > 0 ? Path.GetFullPath(tls.KeyFile) : certificate;
            return new TlsSetup(tls.Enabled ?? true, certificate, key, null);
        }

        CertificateFiles made = CertificateFiles.In(options.DataDirectory);
        bool madeHere = File.Exists(made.ServerCertificate);
        return new TlsSetup(tls.Enabled ?? madeHere, made.ServerCertificate, made.ServerKey, File.Exists(made.AuthorityCertificate) ? made.AuthorityCertificate : null);
    }
}
