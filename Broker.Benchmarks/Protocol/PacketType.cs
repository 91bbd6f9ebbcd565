namespace Esp32Mqtt.Broker.Benchmarks.Protocol;

/// <summary>MQTT 3.1.1 control packet types: the high nibble of the fixed header's first byte (OASIS MQTT 3.1.1, section 2.2.1).</summary>
internal static class PacketType
{
    private const int TypeShift = 4;

    /// <summary>Client request to connect.</summary>
    public const byte Connect = 1;

    /// <summary>Connect acknowledgement.</summary>
    public const byte ConnectAcknowledgement = 2;

    /// <summary>Publish message.</summary>
    public const byte Publish = 3;

    /// <summary>Publish acknowledgement (QoS 1).</summary>
    public const byte PublishAcknowledgement = 4;

    /// <summary>Subscribe request.</summary>
    public const byte Subscribe = 8;

    /// <summary>Subscribe acknowledgement.</summary>
    public const byte SubscribeAcknowledgement = 9;

    /// <summary>Ping request.</summary>
    public const byte PingRequest = 12;

    /// <summary>Ping response.</summary>
    public const byte PingResponse = 13;

    /// <summary>Client is disconnecting.</summary>
    public const byte Disconnect = 14;

    /// <summary>The first byte of a fixed header: type in the high nibble, flags in the low one.</summary>
    public static byte Header(byte type, int flags)
    {
        return (byte)((type << TypeShift) | flags);
    }

    /// <summary>The packet type in a fixed header's first byte.</summary>
    public static byte TypeOf(byte header)
    {
        return (byte)(header >> TypeShift);
    }
}
