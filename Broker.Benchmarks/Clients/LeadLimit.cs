namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>
/// Keeps the publishers at most <see cref="Window"/> messages ahead of the slowest subscriber (every subscriber
/// receives every message in these scenarios), so the throughput scenarios measure how fast a broker forwards, not
/// how it copes with a flood: with the window below the brokers' queue limit, no queue can overflow. Publishers
/// reserve room before each send; subscribers signal after each read.
/// </summary>
internal sealed class LeadLimit
{
    // Waiting for a quarter of the window to free up keeps sends large (few system calls) without draining the pipe.
    private const int SmallestReservationDivisor = 4;

    private readonly ManualResetEventSlim _progress = new(false);
    private readonly int _smallestReservation;
    private DeliveryCounter[] _subscribers = [];
    private long _sent;

    /// <summary>Allows <paramref name="window"/> messages in flight between the publishers and the slowest subscriber.</summary>
    public LeadLimit(int window)
    {
        Window = window;
        _smallestReservation = Math.Max(1, window / SmallestReservationDivisor);
    }

    /// <summary>The most messages published and not yet received by every subscriber.</summary>
    public int Window { get; }

    /// <summary>Sets the subscribers whose progress counts; call before any publisher starts.</summary>
    public void Watch(IEnumerable<DeliveryCounter> subscribers)
    {
        _subscribers = [.. subscribers];
    }

    /// <summary>
    /// Called by a subscriber after each read; wakes the publishers only once enough of the window is free for them
    /// to send, so a broker that writes one message per segment does not cost the generator a wake-up per read.
    /// </summary>
    public void Signal()
    {
        if (Free() >= _smallestReservation)
        {
            _progress.Set();
        }
    }

    /// <summary>
    /// Reserves room for up to <paramref name="wanted"/> messages, waiting while fewer than a quarter of the window
    /// is free; returns how many may be sent, or 0 if <paramref name="stopRequested"/> became true while waiting.
    /// </summary>
    public int Reserve(int wanted, Func<bool> stopRequested, TimeSpan pollInterval)
    {
        while (!stopRequested())
        {
            // Reset before looking, so progress made between the look and the wait still wakes us.
            _progress.Reset();
            long sent = Volatile.Read(ref _sent);
            long free = Window - (sent - SlowestReceived());
            if (free >= Math.Min(_smallestReservation, wanted))
            {
                long granted = Math.Min(free, wanted);
                if (Interlocked.CompareExchange(ref _sent, sent + granted, sent) == sent)
                {
                    return (int)granted;
                }

                // Another publisher reserved first; look again.
                continue;
            }

            _ = _progress.Wait(pollInterval);
        }

        return 0;
    }

    private long Free()
    {
        return Window - (Volatile.Read(ref _sent) - SlowestReceived());
    }

    private long SlowestReceived()
    {
        long slowest = long.MaxValue;
        foreach (DeliveryCounter subscriber in _subscribers)
        {
            slowest = Math.Min(slowest, subscriber.Received);
        }

        return slowest == long.MaxValue ? 0 : slowest;
    }
}
