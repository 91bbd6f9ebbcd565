using Esp32Mqtt.Broker.Transport.Ordering;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Transport.Channels;

/// <summary>What both transports look at in a packet before MQTTnet processes it.</summary>
internal static class PacketChecks
{
    /// <summary>
    /// Gives an MQTT 3.1/3.1.1 client that sent an empty client id with a clean session an id made by
    /// <paramref name="assignClientId"/>. OASIS MQTT 3.1.1 section 3.1.3.1 allows such a CONNECT, Mosquitto's
    /// command-line clients send it by default, and MQTTnet 5.2 would refuse it (MqttClientSessionsManager.
    /// ValidateConnection assigns ids for MQTT 5 only, where the CONNACK can tell the client its id).
    /// </summary>
    public static void AssignClientIdIfMissing(MqttConnectPacket connect, MqttProtocolVersion protocolVersion, Func<string> assignClientId)
    {
        bool beforeMqtt5 = protocolVersion is MqttProtocolVersion.V310 or MqttProtocolVersion.V311;
        if (beforeMqtt5 && string.IsNullOrEmpty(connect.ClientId) && connect.CleanSession)
        {
            connect.ClientId = assignClientId();
        }
    }

    /// <summary>Which side of <see cref="RetainedRoutingGate"/> <paramref name="packet"/> must pass, if any.</summary>
    public static RoutingGateKind? GateKindOf(MqttPacket? packet)
    {
        return packet switch
        {
            MqttPublishPacket { Retain: true } => RoutingGateKind.RetainedPublish,
            MqttSubscribePacket => RoutingGateKind.Subscribe,
            _ => null,
        };
    }

    /// <summary>
    /// Whether <paramref name="packet"/> is a PUBLISH whose payload is over <paramref name="maxPayloadBytes"/>; its
    /// connection is then closed the way a dropped network connection closes it, so the sender's will is published.
    /// </summary>
    public static bool IsTooLarge(MqttPacket? packet, int maxPayloadBytes)
    {
        return packet is MqttPublishPacket publish && publish.Payload.Length > maxPayloadBytes;
    }
}
