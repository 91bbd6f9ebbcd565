namespace Esp32Mqtt.TestSupport;

/// <summary>A clock that moves only when the test says so, firing due one-shot timers as it goes.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<ManualTimer> _timers = [];
    private readonly object _gate = new();
    private long _elapsedTicks;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _elapsedTicks;
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        return s_start + TimeSpan.FromTicks(GetTimestamp());
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ManualTimer timer = new(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>How many timers are waiting to fire: lets a test wait until code under test has started waiting.</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>Moves the clock forward and runs every timer that became due.</summary>
    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _elapsedTicks += by.Ticks;
            due = _timers.Where(timer => timer.DueAt <= _elapsedTicks).ToList();
            foreach (ManualTimer timer in due)
            {
                _timers.Remove(timer);
            }
        }

        foreach (ManualTimer timer in due)
        {
            timer.Fire();
        }
    }

    /// <summary>Puts a timer on the schedule, or takes it off with a null due time.</summary>
    internal void Schedule(ManualTimer timer, long? dueAt)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueAt is long at)
            {
                timer.DueAt = at;
                _timers.Add(timer);
            }
        }
    }
}
