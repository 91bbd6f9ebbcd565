using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Transport.Mqtt5;

/// <summary>What one MQTT 5 client's CONNECT asks of the connection: its topic aliases, its packet size limit and its Receive Maximum.</summary>
internal sealed class Mqtt5Connection
{
    private readonly MqttConnectPacket _connect;

    /// <summary>Follows the limits of <paramref name="connect"/>; holds at most <paramref name="heldLimit"/> packets for its Receive Maximum.</summary>
    public Mqtt5Connection(MqttConnectPacket connect, int heldLimit)
    {
        _connect = connect;
        SizeLimit = connect.MaximumPacketSize == 0 ? null : new PacketSizeLimit(connect.MaximumPacketSize);

        // 0 is "absent", which means 65,535 (OASIS MQTT 5.0 section 3.1.2.11.3): as many as MQTTnet has packet identifiers.
        Quota = connect.ReceiveMaximum is 0 or ushort.MaxValue ? null : new SendQuota(connect.ReceiveMaximum, heldLimit);
    }

    /// <summary>The client id; MQTTnet fills in an assigned one after the CONNECT is read.</summary>
    public string ClientId => _connect.ClientId;

    /// <summary>The topic aliases the client sets.</summary>
    public TopicAliases Aliases { get; } = new();

    /// <summary>The client's Maximum Packet Size, or null when it set none.</summary>
    public PacketSizeLimit? SizeLimit { get; }

    /// <summary>The client's Receive Maximum, or null when it allows as many as there are packet identifiers.</summary>
    public SendQuota? Quota { get; }
}
