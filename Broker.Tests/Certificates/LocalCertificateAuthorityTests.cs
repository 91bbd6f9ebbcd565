using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esp32Mqtt.Broker.Certificates;

namespace Esp32Mqtt.Broker.Tests.Certificates;

public sealed class LocalCertificateAuthorityTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ServerNames s_names = new(["my-pc", "my-pc.local", "localhost", "192.168.1.20"], [IPAddress.Parse("192.168.1.20"), IPAddress.Loopback]);

    [Fact]
    public void Makes_an_authority_that_signs_server_certificates_only()
    {
        // Act
        using X509Certificate2 authority = LocalCertificateAuthority.Create("my-pc", s_now);

        // Assert
        X509BasicConstraintsExtension constraints = Assert.Single(authority.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.True(constraints.CertificateAuthority);
        Assert.True(constraints.HasPathLengthConstraint);
        Assert.Equal(0, constraints.PathLengthConstraint);
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, Assert.Single(authority.Extensions.OfType<X509KeyUsageExtension>()).KeyUsages);
        Assert.Contains("my-pc", authority.Subject, StringComparison.Ordinal);
        Assert.True(authority.HasPrivateKey);
        Assert.Equal(s_now.UtcDateTime + LocalCertificateAuthority.AuthorityLifetime, authority.NotAfter.ToUniversalTime());
    }

    [Fact]
    public void Issues_a_server_certificate_that_chains_to_the_authority_and_names_every_address()
    {
        // Arrange
        using X509Certificate2 authority = LocalCertificateAuthority.Create("my-pc", s_now);

        // Act
        using X509Certificate2 server = LocalCertificateAuthority.IssueServerCertificate(authority, s_names, s_now);

        // Assert
        using X509Chain chain = new();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = s_now.UtcDateTime;
        Assert.True(chain.Build(server), string.Join(", ", chain.ChainStatus.Select(status => status.StatusInformation)));
        X509SubjectAlternativeNameExtension names = Assert.Single(server.Extensions.OfType<X509SubjectAlternativeNameExtension>());
        Assert.Equal(["my-pc", "my-pc.local", "localhost", "192.168.1.20"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Parse("192.168.1.20"), IPAddress.Loopback], names.EnumerateIPAddresses());
        Assert.Equal("1.3.6.1.5.5.7.3.1", Assert.Single(Assert.Single(server.Extensions.OfType<X509EnhancedKeyUsageExtension>()).EnhancedKeyUsages.Cast<Oid>()).Value);
        Assert.False(Assert.Single(server.Extensions.OfType<X509BasicConstraintsExtension>()).CertificateAuthority);
        Assert.True(server.HasPrivateKey);
        Assert.Equal(s_now.UtcDateTime - LocalCertificateAuthority.Backdating, server.NotBefore.ToUniversalTime());
        Assert.Equal(s_now.UtcDateTime + LocalCertificateAuthority.ServerLifetime, server.NotAfter.ToUniversalTime());
    }

    [Fact]
    public void Ends_a_server_certificate_with_an_authority_that_ends_sooner()
    {
        // Arrange: an authority made nine and a half years ago has half a year left.
        DateTimeOffset authorityMade = s_now - TimeSpan.FromDays(3650 - 180);
        using X509Certificate2 authority = LocalCertificateAuthority.Create("my-pc", authorityMade);

        // Act
        using X509Certificate2 server = LocalCertificateAuthority.IssueServerCertificate(authority, s_names, s_now);

        // Assert
        Assert.Equal(authority.NotAfter, server.NotAfter);
    }

    [Fact]
    public void Starts_a_server_certificate_no_earlier_than_its_authority()
    {
        // Arrange: a PC whose clock was set back two days after the authority was made.
        using X509Certificate2 authority = LocalCertificateAuthority.Create("my-pc", s_now);

        // Act
        using X509Certificate2 server = LocalCertificateAuthority.IssueServerCertificate(authority, s_names, s_now - TimeSpan.FromDays(2));

        // Assert
        Assert.Equal(authority.NotBefore, server.NotBefore);
    }
}
