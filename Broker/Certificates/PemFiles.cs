using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Esp32Mqtt.Broker.Certificates;

/// <summary>Writes and reads the certificate and key files (PEM text, as Mosquitto, RabbitMQ and the firmware take them).</summary>
public static class PemFiles
{
    /// <summary>Read and write for the owner only (Unix mode 600).</summary>
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="certificate"/>'s certificate (not its key) to <paramref name="path"/>, readable by anyone.</summary>
    public static void WriteCertificate(string path, X509Certificate2 certificate)
    {
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n");
    }

    /// <summary>
    /// Writes <paramref name="certificate"/>'s RSA private key (PKCS #8) to <paramref name="path"/>, readable by its owner
    /// only where the file system has Unix permissions. On Windows the file takes the folder's permissions, which for a
    /// folder in the user's profile already shut other users out.
    /// </summary>
    public static void WritePrivateKey(string path, X509Certificate2 certificate)
    {
        using RSA key = certificate.GetRSAPrivateKey() ?? throw new ArgumentException("The certificate has no RSA private key.", nameof(certificate));
        FileStreamOptions options = new() { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (StreamWriter writer = new(path, System.Text.Encoding.ASCII, options))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
            writer.Write('\n');
        }

        // A file that existed already (make-certificates --force) keeps its mode when opened: set it again.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }

    /// <summary>Reads the first certificate in a PEM file, without a key; null if the file holds none.</summary>
    public static X509Certificate2? ReadCertificate(string path)
    {
        X509Certificate2Collection certificates = [];
        certificates.ImportFromPemFile(path);
        return certificates.Count == 0 ? null : certificates[0];
    }

    /// <summary>The certificate as the firmware's <c>BrokerCaCertificatePem</c> setting takes it: a C# verbatim string.</summary>
    public static string AsFirmwareSetting(X509Certificate2 authority)
    {
        return "public const string BrokerCaCertificatePem = @\"" + authority.ExportCertificatePem() + "\";";
    }
}
