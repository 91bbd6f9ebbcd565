using System.Globalization;

namespace Esp32Mqtt.Broker.Transport.Framing;

/// <summary>What <see cref="PacketGuardStream"/> or <see cref="ClientChannelAdapter"/> refused, with the evidence to explain it to a person.</summary>
/// <param name="Kind">Why the connection was closed.</param>
/// <param name="DeclaredLength">For <see cref="RejectionKind.Oversized"/>, the remaining length the packet declared; for
/// <see cref="RejectionKind.PayloadTooLarge"/>, the payload's length.</param>
/// <param name="FirstBytes">For <see cref="RejectionKind.NotMqtt"/>, the first bytes received.</param>
internal sealed record PacketGuardRejection(RejectionKind Kind, long DeclaredLength, byte[] FirstBytes)
{
    private const byte TlsHandshakeRecord = 0x16;
    private const byte TlsMajorVersion = 0x03;

    /// <summary>Says in words what arrived and what to do about it.</summary>
    public string Describe(int maxPacketBytes, int maxPayloadBytes)
    {
        return Kind switch
        {
            RejectionKind.Oversized => string.Create(
                CultureInfo.InvariantCulture,
                $"it sent a packet of {DeclaredLength:N0} bytes, more than the {maxPacketBytes:N0} allowed (Broker:MaxPayloadBytes plus room for topic and properties); closed before reading it"),
            RejectionKind.PayloadTooLarge => string.Create(
                CultureInfo.InvariantCulture,
                $"it published a message of {DeclaredLength:N0} bytes, more than the {maxPayloadBytes:N0} allowed (Broker:MaxPayloadBytes); the message was dropped"),
            RejectionKind.MalformedLength => "it sent a packet with an invalid length field (not MQTT)",
            _ => DescribeFirstBytes(),
        };
    }

    private string DescribeFirstBytes()
    {
        if (FirstBytes.Length == 0)
        {
            return "its first packet was not an MQTT CONNECT packet";
        }

        if (FirstBytes.Length >= 2 && FirstBytes[0] == TlsHandshakeRecord && FirstBytes[1] == TlsMajorVersion)
        {
            return "it started a TLS handshake on the port for plain MQTT; connect to the TLS port (Broker:Tls:Port, usually 8883), or turn TLS off in the client";
        }

        if (FirstBytes.Length > 0 && FirstBytes.All(b => b >= 0x20 && b < 0x7F))
        {
            string text = System.Text.Encoding.ASCII.GetString(FirstBytes);
            return $"it sent text ('{text}…'), perhaps an HTTP request; this port speaks MQTT over plain TCP, not HTTP or WebSockets";
        }

        string hex = string.Join(' ', FirstBytes.Select(b => $"0x{b:X2}"));
        return $"its first bytes ({hex}) are not an MQTT CONNECT packet";
    }
}
