namespace Esp32Mqtt.Broker.Certificates;

/// <summary>Where <c>make-certificates</c> keeps the local certificate authority and the broker's certificate: a folder in the data directory.</summary>
/// <param name="Folder">The folder, as an absolute path.</param>
public sealed record CertificateFiles(string Folder)
{
    /// <summary>The folder's name inside the data directory.</summary>
    public const string FolderName = "certificates";

    /// <summary>The certificate authority's certificate: what boards and clients are given to check the broker.</summary>
    public string AuthorityCertificate => Path.Combine(Folder, "ca.crt");

    /// <summary>The certificate authority's private key, kept to sign the next server certificate.</summary>
    public string AuthorityKey => Path.Combine(Folder, "ca.key");

    /// <summary>The broker's certificate, signed by the authority.</summary>
    public string ServerCertificate => Path.Combine(Folder, "server.crt");

    /// <summary>The broker's private key.</summary>
    public string ServerKey => Path.Combine(Folder, "server.key");

    /// <summary>All four files.</summary>
    public IEnumerable<string> All => [AuthorityCertificate, AuthorityKey, ServerCertificate, ServerKey];

    /// <summary>The files of the data directory <paramref name="dataDirectory"/> (relative to the current directory).</summary>
    public static CertificateFiles In(string dataDirectory)
    {
        return new CertificateFiles(Path.Combine(Path.GetFullPath(dataDirectory), FolderName));
    }
}
