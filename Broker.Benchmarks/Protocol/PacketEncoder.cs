using System.Buffers.Binary;
using System.Text;

namespace Esp32Mqtt.Broker.Benchmarks.Protocol;

/// <summary>
/// Encodes the MQTT 3.1.1 packets the generator sends, once each, into byte arrays (OASIS MQTT 3.1.1, chapter 3).
/// Nothing here runs per message: senders patch copies of these arrays.
/// </summary>
internal static class PacketEncoder
{
    /// <summary>The QoS 1 PUBLISH and PUBACK carry a two-byte packet identifier.</summary>
    public const int PacketIdentifierBytes = 2;

    private const string ProtocolName = "MQTT";
    private const byte ProtocolLevel311 = 4;
    private const byte CleanSessionFlag = 0x02;
    private const int SubscribeFixedFlags = 0x02;
    private const int PublishQualityShift = 1;
    private const int LengthPrefixBytes = 2;
    private const int FixedHeaderTypeBytes = 1;

    /// <summary>CONNECT with a clean session, no credentials and no will (section 3.1).</summary>
    public static byte[] Connect(string clientId, ushort keepAliveSeconds)
    {
        byte[] name = Encoding.ASCII.GetBytes(ProtocolName);
        byte[] id = Encoding.UTF8.GetBytes(clientId);
        // Protocol name, level, flags and keep-alive (section 3.1.2), then the client id (section 3.1.3).
        byte[] body = new byte[LengthPrefixBytes + name.Length + sizeof(byte) + sizeof(byte) + sizeof(ushort) + LengthPrefixBytes + id.Length];
        int position = WriteString(body, 0, name);
        body[position++] = ProtocolLevel311;
        body[position++] = CleanSessionFlag;
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(position), keepAliveSeconds);
        position += sizeof(ushort);
        _ = WriteString(body, position, id);
        return Frame(PacketType.Header(PacketType.Connect, 0), body);
    }

    /// <summary>SUBSCRIBE to one topic filter (section 3.8).</summary>
    public static byte[] Subscribe(ushort packetIdentifier, string topicFilter, int qualityOfService)
    {
        byte[] filter = Encoding.UTF8.GetBytes(topicFilter);
        byte[] body = new byte[PacketIdentifierBytes + LengthPrefixBytes + filter.Length + sizeof(byte)];
        BinaryPrimitives.WriteUInt16BigEndian(body, packetIdentifier);
        int position = WriteString(body, PacketIdentifierBytes, filter);
        body[position] = (byte)qualityOfService;
        return Frame(PacketType.Header(PacketType.Subscribe, SubscribeFixedFlags), body);
    }

    /// <summary>PUBLISH, not retained, not a duplicate (section 3.3); the packet identifier is written only for QoS 1 and 2.</summary>
    public static byte[] Publish(string topic, ReadOnlySpan<byte> payload, int qualityOfService, ushort packetIdentifier)
    {
        byte[] name = Encoding.UTF8.GetBytes(topic);
        int identifierBytes = qualityOfService > 0 ? PacketIdentifierBytes : 0;
        byte[] body = new byte[LengthPrefixBytes + name.Length + identifierBytes + payload.Length];
        int position = WriteString(body, 0, name);
        if (identifierBytes > 0)
        {
            BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(position), packetIdentifier);
            position += identifierBytes;
        }

        payload.CopyTo(body.AsSpan(position));
        return Frame(PacketType.Header(PacketType.Publish, qualityOfService << PublishQualityShift), body);
    }

    /// <summary>PUBACK for a QoS 1 PUBLISH (section 3.4).</summary>
    public static byte[] PublishAcknowledgement(ushort packetIdentifier)
    {
        byte[] body = new byte[PacketIdentifierBytes];
        BinaryPrimitives.WriteUInt16BigEndian(body, packetIdentifier);
        return Frame(PacketType.Header(PacketType.PublishAcknowledgement, 0), body);
    }

    /// <summary>PINGREQ (section 3.12).</summary>
    public static byte[] PingRequest()
    {
        return Frame(PacketType.Header(PacketType.PingRequest, 0), []);
    }

    /// <summary>DISCONNECT (section 3.14).</summary>
    public static byte[] Disconnect()
    {
        return Frame(PacketType.Header(PacketType.Disconnect, 0), []);
    }

    private static int WriteString(byte[] destination, int position, byte[] text)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination.AsSpan(position), (ushort)text.Length);
        text.CopyTo(destination, position + LengthPrefixBytes);
        return position + LengthPrefixBytes + text.Length;
    }

    private static byte[] Frame(byte header, byte[] body)
    {
        Span<byte> length = stackalloc byte[RemainingLength.MostBytes];
        int lengthBytes = RemainingLength.Write(length, body.Length);
        byte[] packet = new byte[FixedHeaderTypeBytes + lengthBytes + body.Length];
        packet[0] = header;
        length[..lengthBytes].CopyTo(packet.AsSpan(FixedHeaderTypeBytes));
        body.CopyTo(packet, FixedHeaderTypeBytes + lengthBytes);
        return packet;
    }
}
