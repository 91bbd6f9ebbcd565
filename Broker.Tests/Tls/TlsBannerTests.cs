using System.Net;
using Esp32Mqtt.Broker.Tls;

namespace Esp32Mqtt.Broker.Tests.Tls;

public sealed class TlsBannerTests
{
    [Theory]
    [InlineData("/home/me/data/certificates/ca.crt", "TLS on port 8883 too; boards and clients check the broker with the certificate authority in /home/me/data/certificates/ca.crt")]
    [InlineData(null, "TLS on port 8883 too, with the certificate in /etc/broker/cert.pem")]
    public void Shows_the_tls_port_and_what_clients_check_it_with(string? authority, string expected)
    {
        // Arrange
        TlsSetup setup = new(Listens: true, authority is null ? "/etc/broker/cert.pem" : "/home/me/data/certificates/server.crt", "/etc/broker/key.pem", authority);

        // Act
        string line = TlsBanner.Line(new IPEndPoint(IPAddress.IPv6Any, 8883), setup);

        // Assert
        Assert.Equal(expected, line);
    }

    [Fact]
    public void Says_how_to_turn_tls_on_when_it_does_not_listen()
    {
        // Arrange
        TlsSetup setup = new(Listens: false, "/home/me/data/certificates/server.crt", "/home/me/data/certificates/server.key", null);

        // Act
        string line = TlsBanner.Line(bound: null, setup);

        // Assert
        Assert.Equal("TLS: off ('dotnet run --project Broker -- make-certificates' sets it up)", line);
    }
}
