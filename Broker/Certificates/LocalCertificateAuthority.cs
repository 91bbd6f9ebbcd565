using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Esp32Mqtt.Broker.Certificates;

/// <summary>
/// Makes a small certificate authority for one PC and the broker's certificate signed by it, with .NET's own
/// <see cref="CertificateRequest"/> (no OpenSSL needed). Boards and clients are given the authority's certificate; the
/// broker shows them its own, which the authority vouches for.
/// </summary>
public static class LocalCertificateAuthority
{
    /// <summary>How long the authority is valid: about ten years, so flashed boards keep trusting it.</summary>
    public static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(3650);

    /// <summary>
    /// How long a server certificate is valid: 825 days, the most Apple's systems accept for a TLS server certificate
    /// (Apple, "Requirements for trusted certificates in iOS 13 and macOS 10.15"), so a phone app can connect too.
    /// </summary>
    public static readonly TimeSpan ServerLifetime = TimeSpan.FromDays(825);

    /// <summary>
    /// How far back a certificate's validity starts: a board whose clock (set over the internet) is a little behind this
    /// PC's would otherwise see a certificate that is not valid yet.
    /// </summary>
    public static readonly TimeSpan Backdating = TimeSpan.FromDays(1);

    /// <summary>RSA rather than elliptic-curve keys: every TLS stack on the way (mbedTLS on the ESP32, OpenSSL, SChannel, Erlang) has them.</summary>
    private const int RsaKeyBits = 2048;

    private const int SerialNumberBytes = 16;

    // RFC 5280, section 4.2.1.12: id-kp-serverAuth.
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>Makes a self-signed authority named after <paramref name="hostName"/>, valid from <paramref name="now"/>.</summary>
    public static X509Certificate2 Create(string hostName, DateTimeOffset now)
    {
        using RSA key = RSA.Create(RsaKeyBits);
        CertificateRequest request = new(
            new X500DistinguishedName($"CN=esp32mqtt local CA on {hostName}, O=esp32mqtt"),
            key,
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);

        // RFC 5280, section 4.2.1.9: an authority that signs end-entity certificates only (path length 0).
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(now - Backdating, now + AuthorityLifetime);
    }

    /// <summary>
    /// Makes the broker's certificate for <paramref name="names"/>, signed by <paramref name="authority"/> (which must hold
    /// its private key), valid within the authority's own dates.
    /// </summary>
    public static X509Certificate2 IssueServerCertificate(X509Certificate2 authority, ServerNames names, DateTimeOffset now)
    {
        using RSA key = RSA.Create(RsaKeyBits);
        CertificateRequest request = new(
            new X500DistinguishedName($"CN={names.DnsNames[0]}, O=esp32mqtt"),
            key,
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthenticationOid)], critical: false));
        request.CertificateExtensions.Add(SubjectAlternativeNames(names));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        // Within the authority's own validity, which CertificateRequest.Create insists on.
        DateTimeOffset authorityStarts = new(authority.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        DateTimeOffset authorityEnds = new(authority.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        DateTimeOffset notBefore = now - Backdating;
        DateTimeOffset notAfter = now + ServerLifetime;
        using X509Certificate2 unsigned = request.Create(
            authority,
            notBefore > authorityStarts ? notBefore : authorityStarts,
            notAfter < authorityEnds ? notAfter : authorityEnds,
            SerialNumber());
        return unsigned.CopyWithPrivateKey(key);
    }

    private static X509Extension SubjectAlternativeNames(ServerNames names)
    {
        SubjectAlternativeNameBuilder builder = new();
        foreach (string dnsName in names.DnsNames)
        {
            builder.AddDnsName(dnsName);
        }

        foreach (IPAddress address in names.Addresses)
        {
            builder.AddIpAddress(address);
        }

        return builder.Build(critical: false);
    }

    private static byte[] SerialNumber()
    {
        // RFC 5280, section 4.1.2.2: a positive number of at most 20 bytes, unique for the authority; random makes it so.
        byte[] serial = RandomNumberGenerator.GetBytes(SerialNumberBytes);
        serial[0] &= 0x7F;
        return serial;
    }
}
