namespace Esp32Mqtt.TestSupport;

/// <summary>A one-shot timer of <see cref="ManualTimeProvider"/>; a repeating one is refused, so code that asks for one is caught.</summary>
internal sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    public long DueAt { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan)
        {
            throw new NotSupportedException("ManualTimeProvider's timers are one-shot; this one was asked to repeat every " + period + ".");
        }

        clock.Schedule(this, dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetTimestamp() + dueTime.Ticks);
        return true;
    }

    public void Fire()
    {
        callback(state);
    }

    public void Dispose()
    {
        clock.Schedule(this, null);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
