using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport.Mqtt5;

/// <summary>
/// An MQTT 5 client's Receive Maximum (OASIS MQTT 5.0 sections 3.1.2.11.3 and 4.9): at most that many QoS 1 and 2
/// PUBLISH packets are unacknowledged at the client; a place is free again once its PUBACK or PUBCOMP comes, or a PUBREC
/// with an error code. MQTTnet 5.2 writes whatever its queue holds (MqttConnectedClient.SendPacketsLoop).
/// <para>
/// A PUBLISH that finds no place, and every PUBLISH behind it (QoS 0 too, so that messages leave in the order they were
/// routed), is held here, and MQTTnet's send loop goes on at once: it writes PINGRESP, PUBACK and SUBACK packets from
/// the same queue, and a client that waits for one of those before it acknowledges would otherwise never get it. Held
/// packets are written when places come free, by one writer at a time. At most as many are held as MQTTnet's queue
/// holds (Broker:MaxPendingMessagesPerClient); beyond that the send loop waits, and MQTTnet's queue in front of it fills
/// and overflows as it does for any slow client.
/// </para>
/// </summary>
internal sealed class SendQuota
{
    private readonly int _maximum;
    private readonly int _heldLimit;
    private readonly Lock _gate = new();
    private readonly HashSet<ushort> _inFlight = [];
    private readonly Queue<MqttPublishPacket> _held = new();
    private bool _draining;
    private TaskCompletionSource? _room;

    /// <summary>Allows <paramref name="receiveMaximum"/> packets in flight and holds at most <paramref name="heldLimit"/>.</summary>
    public SendQuota(ushort receiveMaximum, int heldLimit)
    {
        _maximum = receiveMaximum;
        _heldLimit = heldLimit;
    }

    /// <summary>Packets held back now, for tests.</summary>
    public int Held
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>Decides what happens to <paramref name="publish"/>, which MQTTnet's send loop is writing.</summary>
    public Admission Admit(MqttPublishPacket publish)
    {
        lock (_gate)
        {
            if (_held.Count >= _heldLimit)
            {
                return Admission.Full;
            }

            if (!_draining && _held.Count == 0 && TryTakePlace(publish))
            {
                return Admission.WriteNow;
            }

            _held.Enqueue(publish);
            return TryStartDrain() ? Admission.HeldAndDrain : Admission.Held;
        }
    }

    /// <summary>Ends when fewer packets are held than the limit.</summary>
    public Task WhenRoomAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_held.Count < _heldLimit)
            {
                return Task.CompletedTask;
            }

            _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _room.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The place of <paramref name="packetId"/> is free again (acknowledged, or dropped before it was written). Returns
    /// whether the caller must now write out the held packets.
    /// </summary>
    public bool Release(ushort packetId)
    {
        lock (_gate)
        {
            return _inFlight.Remove(packetId) && TryStartDrain();
        }
    }

    /// <summary>
    /// The next held packet to write, which has taken its place in flight; null when none can go now, which ends the
    /// writing out (a later <see cref="Release"/> starts it again).
    /// </summary>
    public MqttPublishPacket? NextHeld()
    {
        lock (_gate)
        {
            if (_held.Count > 0 && TryTakePlace(_held.Peek()))
            {
                MqttPublishPacket next = _held.Dequeue();
                if (_held.Count < _heldLimit && _room is { } room)
                {
                    _room = null;
                    room.TrySetResult();
                }

                return next;
            }

            _draining = false;
            return null;
        }
    }

    private bool TryStartDrain()
    {
        if (_draining || _held.Count == 0 || !HasPlaceFor(_held.Peek()))
        {
            return false;
        }

        _draining = true;
        return true;
    }

    private bool HasPlaceFor(MqttPublishPacket publish)
    {
        return publish.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce || _inFlight.Count < _maximum;
    }

    private bool TryTakePlace(MqttPublishPacket publish)
    {
        if (!HasPlaceFor(publish))
        {
            return false;
        }

        if (publish.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce)
        {
            _inFlight.Add(publish.PacketIdentifier);
        }

        return true;
    }
}
