namespace Esp32Mqtt.Broker.Transport.FlowControl;

/// <summary>A subscriber's MQTTnet queue as <see cref="DeliveryFlowControl"/> follows it.</summary>
internal sealed class SubscriberBacklog
{
    private const long NotBehind = long.MinValue;

    private long _behindSince = NotBehind;

    /// <summary>Follows <paramref name="queue"/>.</summary>
    public SubscriberBacklog(SessionQueue queue)
    {
        Queue = queue;
    }

    /// <summary>The subscriber's session queue.</summary>
    public SessionQueue Queue { get; }

    /// <summary>Records that the queue is at the high-water mark, if not already; returns since when (a <see cref="TimeProvider"/> timestamp).</summary>
    public long MarkBehind(long now)
    {
        long since = Interlocked.CompareExchange(ref _behindSince, now, NotBehind);
        return since == NotBehind ? now : since;
    }

    /// <summary>Records that the queue is below the high-water mark again.</summary>
    public void MarkCaughtUp()
    {
        if (Volatile.Read(ref _behindSince) != NotBehind)
        {
            Volatile.Write(ref _behindSince, NotBehind);
        }
    }
}
