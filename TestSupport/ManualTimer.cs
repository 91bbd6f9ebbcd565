namespace Esp32Mqtt.TestSupport;

/// <summary>A one-shot timer of <see cref="ManualTimeProvider"/>; the period is ignored.</summary>
internal sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    public long DueAt { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
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
