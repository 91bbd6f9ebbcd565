using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Esp32Client.Simulator.Networking;
using Esp32Mqtt.Broker.Certificates;
using Esp32Mqtt.TestSupport;

namespace Esp32Client.Simulator.Tests.Simulator;

public sealed class BrokerCertificateCheckTests : IDisposable
{
    private static readonly ServerNames s_names = new(["my-pc", "192.168.1.20"], [IPAddress.Parse("192.168.1.20")]);

    private readonly TemporaryDirectory _folder = new();

    [Fact]
    public void Accepts_a_certificate_without_errors()
    {
        // Arrange
        BrokerCertificateCheck check = new("my-pc", string.Empty);
        using X509Certificate2 authority = LocalCertificateAuthority.Create("my-pc", DateTimeOffset.UtcNow);
        using X509Certificate2 server = LocalCertificateAuthority.IssueServerCertificate(authority, s_names, DateTimeOffset.UtcNow);

        // Act
        string? refusal = check.Describe(server, null, SslPolicyErrors.None);

        // Assert
        Assert.Null(refusal);
    }

    [Fact]
    public void Names_the_ca_file_that_did_not_sign_the_certificate()
    {
        // Arrange
        using X509Certificate2 theirs = LocalCertificateAuthority.Create("their-pc", DateTimeOffset.UtcNow);
        using X509Certificate2 server = LocalCertificateAuthority.IssueServerCertificate(theirs, s_names, DateTimeOffset.UtcNow);
        using X509Certificate2 ours = LocalCertificateAuthority.Create("my-pc", DateTimeOffset.UtcNow);
        string caFile = _folder.Combine("ca.crt");
        PemFiles.WriteCertificate(caFile, ours);
        BrokerCertificateCheck check = new("my-pc", caFile);
        using X509Chain chain = ChainTrusting(ours, server);

        // Act
        string? refusal = check.Describe(server, chain, SslPolicyErrors.RemoteCertificateChainErrors);

        // Assert
        Assert.Equal($"the broker's TLS certificate is not trusted: it is not signed by the certificate authority in {caFile} (issued by '{theirs.Subject}'; copy the broker's own CA certificate)", refusal);
    }

    [Fact]
    public void Asks_for_the_ca_file_when_this_pc_does_not_trust_the_signer()
    {
        // Arrange
        using X509Certificate2 authority = LocalCertificateAuthority.Create("my-pc", DateTimeOffset.UtcNow);
        using X509Certificate2 server = LocalCertificateAuthority.IssueServerCertificate(authority, s_names, DateTimeOffset.UtcNow);
        BrokerCertificateCheck check = new("my-pc", string.Empty);

        // Act
        string? refusal = check.Describe(server, null, SslPolicyErrors.RemoteCertificateChainErrors);

        // Assert
        Assert.Equal($"the broker's TLS certificate is not trusted: it is signed by '{authority.Subject}', which this PC does not trust; give that authority's certificate with --ca-file", refusal);
    }

    [Fact]
    public void Says_when_the_certificate_expired()
    {
        // Arrange: issued on 2020-01-01, so it expired 825 days later.
        DateTimeOffset longAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using X509Certificate2 authority = LocalCertificateAuthority.Create("my-pc", longAgo);
        using X509Certificate2 server = LocalCertificateAuthority.IssueServerCertificate(authority, s_names, longAgo);
        BrokerCertificateCheck check = new("my-pc", _folder.Combine("ca.crt"));
        using X509Chain chain = ChainTrusting(authority, server);

        // Act
        string? refusal = check.Describe(server, chain, SslPolicyErrors.RemoteCertificateChainErrors);

        // Assert
        Assert.Equal("the broker's TLS certificate expired on 2022-04-05: make a new one on the broker (make-certificates --force)", refusal);
    }

    [Fact]
    public void Lists_the_names_the_certificate_holds_when_the_host_is_not_one_of_them()
    {
        // Arrange
        using X509Certificate2 authority = LocalCertificateAuthority.Create("my-pc", DateTimeOffset.UtcNow);
        using X509Certificate2 server = LocalCertificateAuthority.IssueServerCertificate(authority, s_names, DateTimeOffset.UtcNow);
        BrokerCertificateCheck check = new("10.0.0.7", string.Empty);

        // Act
        string? refusal = check.Describe(server, null, SslPolicyErrors.RemoteCertificateNameMismatch);

        // Assert
        Assert.Equal("the broker's TLS certificate does not match '10.0.0.7': it is made out to my-pc, 192.168.1.20; connect with one of those (--broker), or make the broker's certificate again (make-certificates --force)", refusal);
    }

    [Fact]
    public void Reads_the_authorities_of_a_ca_file_and_nothing_from_another_file()
    {
        // Arrange
        using X509Certificate2 authority = LocalCertificateAuthority.Create("my-pc", DateTimeOffset.UtcNow);
        string caFile = _folder.Combine("ca.crt");
        PemFiles.WriteCertificate(caFile, authority);
        string textFile = _folder.Combine("notes.txt");
        File.WriteAllText(textFile, "not a certificate");

        // Act
        X509Certificate2Collection? read = BrokerCertificateCheck.ReadAuthorities(caFile);
        X509Certificate2Collection? none = BrokerCertificateCheck.ReadAuthorities(textFile);

        // Assert
        Assert.Equal(authority.Thumbprint, Assert.Single(read!).Thumbprint);
        Assert.Null(none);
    }

    public void Dispose()
    {
        _folder.Dispose();
    }

    private static X509Chain ChainTrusting(X509Certificate2 authority, X509Certificate2 server)
    {
        X509Chain chain = new();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.Build(server);
        return chain;
    }
}
