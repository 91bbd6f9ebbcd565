using Esp32Mqtt.Broker.Transport.Framing;

namespace Esp32Mqtt.Broker.Transport.Tests;

public sealed class PacketGuardRejectionTests
{
    [Theory]
    [InlineData(new byte[] { 0x47, 0x45 }, "it sent text ('GE…'), perhaps an HTTP request; this port speaks MQTT over plain TCP, not HTTP or WebSockets")]
    [InlineData(new byte[] { 0x16, 0x03 }, "it started a TLS handshake on the port for plain MQTT; connect to the TLS port (Broker:Tls:Port, usually 8883), or turn TLS off in the client")]
    [InlineData(new byte[] { 0x00, 0xFF }, "its first bytes (0x00 0xFF) are not an MQTT CONNECT packet")]
    public void Says_what_arrived_instead_of_a_connect(byte[] firstBytes, string expected)
    {
        // Arrange
        PacketGuardRejection rejection = new(RejectionKind.NotMqtt, 0, firstBytes);

        // Act
        string description = rejection.Describe(maxPacketBytes: 1_000, maxPayloadBytes: 100);

        // Assert
        Assert.Equal(expected, description);
    }

    [Fact]
    public void Gives_the_declared_size_and_the_limit_of_an_oversized_packet()
    {
        // Arrange
        PacketGuardRejection rejection = new(RejectionKind.Oversized, 2_000_000, []);

        // Act
        string description = rejection.Describe(maxPacketBytes: 1_114_112, maxPayloadBytes: 1_048_576);

        // Assert
        Assert.Equal("it sent a packet of 2,000,000 bytes, more than the 1,114,112 allowed (Broker:MaxPayloadBytes plus room for topic and properties); closed before reading it", description);
    }
}
