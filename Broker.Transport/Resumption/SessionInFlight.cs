using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Transport.Resumption;

/// <summary>
/// The QoS 1 and 2 exchanges of one kept session that are under way, across its connections, so that a client that
/// comes back finds them resumed as OASIS MQTT 3.1.1 section 4.4 (and MQTT 5.0 section 4.4) asks: every PUBLISH sent
/// and not acknowledged is sent again with its original packet identifier and the DUP flag (section 3.3.1.1), a QoS 2
/// message whose PUBREC came is continued with PUBREL rather than sent again, and a QoS 2 PUBLISH the client sends again
/// before its PUBREL is not delivered twice (section 4.3.3, method B).
/// <para>
/// MQTTnet 5.2 keeps the unacknowledged PUBLISH packets of a session, but when the client comes back it queues them again
/// under new packet identifiers, without DUP, and as PUBLISH whatever their state (MqttSession.Recover), and it delivers
/// every incoming QoS 2 PUBLISH it reads. It re-queues the same packet objects, so this follows them by reference.
/// </para>
/// </summary>
internal sealed class SessionInFlight
{
    private readonly Lock _gate = new();
    private readonly Dictionary<MqttPublishPacket, ushort> _sent = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ushort, MqttPublishPacket> _sentById = [];
    private readonly HashSet<MqttPublishPacket> _released = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<ushort> _receivedQos2 = [];

    /// <summary>PUBLISH packets sent and not yet completely acknowledged.</summary>
    public int Unacknowledged
    {
        get
        {
            lock (_gate)
            {
                return _sent.Count;
            }
        }
    }

    /// <summary>
    /// <paramref name="publish"/> (QoS 1 or 2) is about to be written. Returns the PUBREL to write in its place when the
    /// client has already received it (its PUBREC came before the connection ended), otherwise null, having set its
    /// original packet identifier and the DUP flag if it was sent before.
    /// </summary>
    public MqttPubRelPacket? Sending(MqttPublishPacket publish)
    {
        lock (_gate)
        {
            if (!_sent.TryGetValue(publish, out ushort originalId))
            {
                _sent[publish] = publish.PacketIdentifier;
                _sentById[publish.PacketIdentifier] = publish;
                return null;
            }

            // MQTTnet looks the packet up by its identifier when the client acknowledges it, so the original goes back.
            publish.PacketIdentifier = originalId;
            if (_released.Contains(publish))
            {
                return new MqttPubRelPacket { PacketIdentifier = originalId };
            }

            publish.Dup = true;
            return null;
        }
    }

    /// <summary>The client acknowledged packet <paramref name="packetId"/> completely (PUBACK, or PUBCOMP for QoS 2).</summary>
    public void Acknowledged(ushort packetId)
    {
        lock (_gate)
        {
            if (_sentById.Remove(packetId, out MqttPublishPacket? publish))
            {
                _sent.Remove(publish);
                _released.Remove(publish);
            }
        }
    }

    /// <summary>The client received QoS 2 packet <paramref name="packetId"/> (PUBREC): what follows is PUBREL.</summary>
    public void Received(ushort packetId)
    {
        lock (_gate)
        {
            if (_sentById.TryGetValue(packetId, out MqttPublishPacket? publish))
            {
                _released.Add(publish);
            }
        }
    }

    /// <summary>
    /// The client sent QoS 2 PUBLISH <paramref name="packetId"/>; false when it is one it sent before and has not
    /// released yet (a DUP after a reconnect), which must be answered with PUBREC but not delivered again.
    /// </summary>
    public bool IsNewQos2Publish(ushort packetId)
    {
        lock (_gate)
        {
            return _receivedQos2.Add(packetId);
        }
    }

    /// <summary>The client released QoS 2 packet <paramref name="packetId"/> (PUBREL): an identifier it may use again.</summary>
    public void Released(ushort packetId)
    {
        lock (_gate)
        {
            _receivedQos2.Remove(packetId);
        }
    }
}
