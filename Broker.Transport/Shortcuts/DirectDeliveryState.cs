namespace Esp32Mqtt.Broker.Transport.Shortcuts;

/// <summary>
/// What <see cref="DirectDelivery"/> keeps about one connection: whether messages may be written to it directly, how
/// many PUBLISH packets for it were left to MQTTnet's queue and not yet written (a direct write waits until there are
/// none, so nothing is overtaken), and how many it wrote directly.
/// </summary>
internal sealed class DirectDeliveryState
{
    private long _queuedInMqttnet;
    private long _delivered;

    /// <summary>Whether this client's messages may be written directly at all (MQTT 3.1/3.1.1, clean session).</summary>
    public bool Qualifies { get; set; }

    /// <summary>No PUBLISH for this client waits in MQTTnet's queue or is being handed from there to its adapter.</summary>
    public bool NothingQueuedInMqttnet => Interlocked.Read(ref _queuedInMqttnet) == 0;

    /// <summary>QoS 0 messages written directly, which MQTTnet's statistics do not see.</summary>
    public long Delivered => Volatile.Read(ref _delivered);

    /// <summary>A PUBLISH for this client was left to MQTTnet's queue.</summary>
    public void CountQueuedInMqttnet()
    {
        Interlocked.Increment(ref _queuedInMqttnet);
    }

    /// <summary>A PUBLISH left MQTTnet's queue: handed to the adapter to be written, or dropped from a full queue.</summary>
    public void CountLeftMqttnetQueue()
    {
        // Never below zero: only the connections DirectDelivery follows count what they leave to MQTTnet.
        long queued = Interlocked.Read(ref _queuedInMqttnet);
        while (queued > 0)
        {
            long seen = Interlocked.CompareExchange(ref _queuedInMqttnet, queued - 1, queued);
            if (seen == queued)
            {
                return;
            }

            queued = seen;
        }
    }

    /// <summary>A message was written directly.</summary>
    public void CountDelivered()
    {
        Interlocked.Increment(ref _delivered);
    }
}
