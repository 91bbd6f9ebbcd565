using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esp32Mqtt.Broker.Certificates;
using Esp32Mqtt.Broker.Hosting;

namespace Esp32Mqtt.Broker.Tls;

/// <summary>
/// Loads the TLS listener's certificate and key, and turns every way they can be wrong (missing, not PEM, a key that
/// belongs to another certificate, expired) into one line that says what to do.
/// </summary>
public static class ServerCertificateLoader
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string PrivateKeyLabelEnd = "PRIVATE KEY";
    private const string EncryptedKeyLabel = "ENCRYPTED PRIVATE KEY";
    private const string MakeCommand = "dotnet run --project Broker -- " + MakeCertificatesCommand.Verb;

    /// <summary>The certificate, with any intermediates that follow it in the file, ready for the handshake.</summary>
    public static SslStreamCertificateContext Load(TlsSetup setup, DateTimeOffset now)
    {
        string certificatePath = setup.CertificateFile;
        string keyPath = setup.KeyFile;
        RequireFile(certificatePath, "certificate");
        RequireFile(keyPath, "private key");
        X509Certificate2Collection chain = ReadCertificates(certificatePath);
        string keyPem = File.ReadAllText(keyPath);
        CheckKeyText(keyPem, keyPath);

        X509Certificate2 withKey;
        try
        {
            withKey = X509Certificate2.CreateFromPem(chain[0].ExportCertificatePem(), keyPem);
        }
        catch (CryptographicException)
        {
            throw new BrokerStartupException($"The private key in {keyPath} does not belong to the TLS certificate in {certificatePath}. Give the key that was made with that certificate, or make both again: {MakeCommand} {MakeCertificatesCommand.ForceSwitch}");
        }

        CheckValidity(withKey, certificatePath, now);

        // SChannel, which SslStream uses on Windows, cannot serve a key that exists only in memory ("No credentials are
        // available in the security package"); a round trip through PKCS #12 gives it a key it can use, on every system.
        using (withKey)
        {
            X509Certificate2 usable = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
            return SslStreamCertificateContext.Create(usable, [.. chain.Skip(1)], offline: true);
        }
    }

    private static void RequireFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new BrokerStartupException($"The TLS {what} file {path} does not exist. Make the certificates with: {MakeCommand} (or set Broker:Tls:Enabled to false to start without TLS).");
        }
    }

    private static X509Certificate2Collection ReadCertificates(string path)
    {
        X509Certificate2Collection chain = [];
        try
        {
            chain.ImportFromPemFile(path);
        }
        catch (CryptographicException exception)
        {
            throw new BrokerStartupException($"The TLS certificate file {path} cannot be read: {exception.Message} It must hold a PEM certificate (-----BEGIN CERTIFICATE-----); make one with: {MakeCommand} {MakeCertificatesCommand.ForceSwitch}");
        }

        if (chain.Count == 0)
        {
            throw new BrokerStartupException($"The TLS certificate file {path} holds no certificate: it must hold a PEM certificate (-----BEGIN CERTIFICATE-----); make one with: {MakeCommand} {MakeCertificatesCommand.ForceSwitch}");
        }

        return chain;
    }

    private static void CheckKeyText(string keyPem, string keyPath)
    {
        ReadOnlySpan<char> text = keyPem;
        while (PemEncoding.TryFind(text, out PemFields fields))
        {
            ReadOnlySpan<char> label = text[fields.Label];
            if (label.SequenceEqual(EncryptedKeyLabel))
            {
                throw new BrokerStartupException($"The TLS private key in {keyPath} is encrypted with a password, which the broker cannot ask for at start. Give it an unencrypted key (for example: openssl pkey -in key.pem -out plain.pem).");
            }

            if (label.EndsWith(PrivateKeyLabelEnd, StringComparison.Ordinal))
            {
                return;
            }

            text = text[fields.Location.End..];
        }

        throw new BrokerStartupException($"The TLS private key file {keyPath} holds no private key: it must hold a PEM key (-----BEGIN PRIVATE KEY-----); make one with: {MakeCommand} {MakeCertificatesCommand.ForceSwitch}");
    }

    private static void CheckValidity(X509Certificate2 certificate, string path, DateTimeOffset now)
    {
        DateTime notAfter = certificate.NotAfter.ToUniversalTime();
        DateTime notBefore = certificate.NotBefore.ToUniversalTime();
        if (notAfter <= now.UtcDateTime)
        {
            throw new BrokerStartupException($"The TLS certificate in {path} expired on {notAfter.ToString(DateFormat, CultureInfo.InvariantCulture)}: clients would refuse it. Make a new one with: {MakeCommand} {MakeCertificatesCommand.ForceSwitch}");
        }

        if (notBefore > now.UtcDateTime)
        {
            throw new BrokerStartupException($"The TLS certificate in {path} is valid only from {notBefore.ToString(DateFormat, CultureInfo.InvariantCulture)}: check this PC's date and time.");
        }
    }
}
