using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport.Mqtt5;

/// <summary>
/// The topic aliases one MQTT 5 client sets on its connection (OASIS MQTT 5.0 section 3.3.2.3.4), resolved before MQTTnet
/// sees the PUBLISH. MQTTnet 5.2 announces 65,535 aliases in its CONNACK and keeps every one a client sets
/// (MqttConnectedClient.HandleTopicAlias), so one connection could make it hold 65,535 topics; an alias never set it
/// routes with an empty topic and answers with a PUBACK, where section 3.3.4 asks for a DISCONNECT. The broker announces
/// <see cref="Maximum"/> instead and keeps that many.
/// </summary>
internal sealed class TopicAliases
{
    /// <summary>The Topic Alias Maximum the broker announces in its CONNACK: Mosquitto's default (max_topic_alias).</summary>
    public const ushort Maximum = 10;

    private readonly string?[] _topics = new string?[Maximum + 1];

    /// <summary>
    /// Resolves the alias of <paramref name="publish"/>, if it has one: sets or updates the alias from a PUBLISH that names
    /// its topic, fills in the topic of one that does not, and clears the alias so MQTTnet routes the PUBLISH by its topic.
    /// Returns the reason code of the DISCONNECT section 3.3.4 asks for when the alias cannot be used, otherwise null.
    /// Called only from the connection's receive path, one packet at a time.
    /// </summary>
    public MqttDisconnectReasonCode? Resolve(MqttPublishPacket publish)
    {
        ushort alias = publish.TopicAlias;
        if (alias == 0)
        {
            return null;
        }

        if (alias > Maximum)
        {
            return MqttDisconnectReasonCode.TopicAliasInvalid;
        }

        if (!string.IsNullOrEmpty(publish.Topic))
        {
            _topics[alias] = publish.Topic;
        }
        else if (_topics[alias] is { } topic)
        {
            publish.Topic = topic;
        }
        else
        {
            return MqttDisconnectReasonCode.ProtocolError;
        }

        publish.TopicAlias = 0;
        return null;
    }
}
