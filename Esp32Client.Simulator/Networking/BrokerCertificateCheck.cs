using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace Esp32Client.Simulator.Networking;

/// <summary>
/// Checks the broker's certificate over TLS as the board does with <c>UseTls</c> and <c>BrokerCaCertificatePem</c>:
/// signed by the given certificate authority (or one this PC trusts), valid today, and made out to the host connected
/// to; no revocation check, which the board's mbedTLS does not make either. Keeps why it refused the last certificate,
/// in one line, for the connection attempt's error.
/// </summary>
public sealed class BrokerCertificateCheck
{
    private const string DateFormat = "yyyy-MM-dd";

    private readonly string _host;
    private readonly string _caFile;

    /// <summary>Checks the broker <paramref name="host"/> against <paramref name="caFile"/>, or this PC's trusted authorities when it is empty.</summary>
    public BrokerCertificateCheck(string host, string caFile)
    {
        _host = host;
        _caFile = caFile;
        Authorities = caFile.Length > 0 ? ReadAuthorities(caFile) : null;
    }

    /// <summary>The authorities from the CA file, or null for this PC's own.</summary>
    public X509Certificate2Collection? Authorities { get; }

    /// <summary>Why the last certificate was refused; null if it was accepted or none has been seen since <see cref="Forget"/>.</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>The certificates in a PEM file; null if it holds none or cannot be read.</summary>
    public static X509Certificate2Collection? ReadAuthorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return authorities.Count == 0 ? null : authorities;
    }

    /// <summary>Forgets the last refusal, before a new attempt.</summary>
    public void Forget()
    {
        LastRefusal = null;
    }

    /// <summary>MQTTnet's certificate validation handler: true to go on with the handshake.</summary>
    public bool Validate(MqttClientCertificateValidationEventArgs eventArgs)
    {
        LastRefusal = Describe(eventArgs.Certificate, eventArgs.Chain, eventArgs.SslPolicyErrors);
        return LastRefusal is null;
    }

    /// <summary>Why <paramref name="certificate"/> is refused, in words; null when it is accepted.</summary>
    public string? Describe(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return null;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "the broker sent no TLS certificate";
        }

        var reasons = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            reasons.Add(DescribeChain(certificate, chain));
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            reasons.Add(DescribeNames(certificate));
        }

        return string.Join("; and ", reasons);
    }

    private string DescribeChain(X509Certificate certificate, X509Chain? chain)
    {
        X509ChainStatusFlags status = chain?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, element) => all | element.Status) ?? X509ChainStatusFlags.NoError;
        var broker = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
        if (status.HasFlag(X509ChainStatusFlags.NotTimeValid))
        {
            DateTime now = DateTime.UtcNow;
            return broker.NotAfter.ToUniversalTime() < now
                ? $"the broker's TLS certificate expired on {broker.NotAfter.ToUniversalTime().ToString(DateFormat, CultureInfo.InvariantCulture)}: make a new one on the broker (make-certificates --force)"
                : $"the broker's TLS certificate is valid only from {broker.NotBefore.ToUniversalTime().ToString(DateFormat, CultureInfo.InvariantCulture)}: check this PC's clock";
        }

        return _caFile.Length > 0
            ? $"the broker's TLS certificate is not trusted: it is not signed by the certificate authority in {_caFile} (issued by '{broker.Issuer}'; copy the broker's own CA certificate)"
            : $"the broker's TLS certificate is not trusted: it is signed by '{broker.Issuer}', which this PC does not trust; give that authority's certificate with --ca-file";
    }

    private string DescribeNames(X509Certificate certificate)
    {
        var broker = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
        IEnumerable<string> names = broker.Extensions.OfType<X509SubjectAlternativeNameExtension>()
            .SelectMany(extension => extension.EnumerateDnsNames().Concat(extension.EnumerateIPAddresses().Select(address => address.ToString())))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return $"the broker's TLS certificate does not match '{_host}': it is made out to {string.Join(", ", names)}; connect with one of those (--broker), or make the broker's certificate again (make-certificates --force)";
    }
}
