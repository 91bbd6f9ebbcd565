using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport.Mqtt5;

/// <summary>
/// Acknowledgements handed to MQTTnet in the client's name, for QoS 1 and 2 messages the broker dropped rather than sent:
/// one too big for the client (OASIS MQTT 5.0 section 3.1.2.11.4: "behave as if it had completed sending"), one expired
/// (section 3.3.2.3.3). MQTTnet keeps each QoS 1 and 2 message it queued until the client acknowledges it, and sends it
/// again when a kept session comes back (MqttSession.Recover); a PUBACK (QoS 1) or PUBCOMP (QoS 2, whose PUBREC step
/// MQTTnet does not check) ends that. They are handed over before the next packet read from the client, so MQTTnet may
/// hold such a message until the client next sends something (at the latest its keep-alive PINGREQ).
/// </summary>
internal sealed class AcknowledgementsOnBehalf
{
    private readonly ConcurrentQueue<MqttPacket> _pending = new();

    /// <summary>Acknowledges <paramref name="publish"/>, a QoS 1 or 2 message that was dropped; nothing for QoS 0.</summary>
    public void Dropped(MqttPublishPacket publish)
    {
        switch (publish.QualityOfServiceLevel)
        {
            case MqttQualityOfServiceLevel.AtLeastOnce:
                _pending.Enqueue(new MqttPubAckPacket { PacketIdentifier = publish.PacketIdentifier });
                break;
            case MqttQualityOfServiceLevel.ExactlyOnce:
                _pending.Enqueue(new MqttPubCompPacket { PacketIdentifier = publish.PacketIdentifier });
                break;
            default:
                break;
        }
    }

    /// <summary>The next acknowledgement to hand to MQTTnet, if any.</summary>
    public bool TryTake([NotNullWhen(true)] out MqttPacket? acknowledgement)
    {
        return _pending.TryDequeue(out acknowledgement);
    }
}
