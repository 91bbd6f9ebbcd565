using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>A clock that moves only when a test says so, firing due timers in order (like FakeTimeProvider).</summary>
public sealed class FakeClock : IClock
{
    private readonly List<FakeTimer> _timers = [];

    public long NowMilliseconds { get; private set; }

    public IOneShotTimer CreateTimer(TimerCallback callback)
    {
        FakeTimer timer = new(this, callback);
        _timers.Add(timer);
        return timer;
    }

    /// <summary>Moves time forward, firing every timer that falls due on the way, at its due time.</summary>
    public void Advance(long milliseconds)
    {
        long target = NowMilliseconds + milliseconds;
        while (NextDue() is { } next && next.DueAt <= target)
        {
            NowMilliseconds = next.DueAt!.Value;
            next.Fire();
        }

        NowMilliseconds = target;
    }

    /// <summary>
    /// Moves time forward first and only then fires the timers that fell due, all at the new time: what happens when
    /// the device's single timer thread is busy and callbacks run late.
    /// </summary>
    public void AdvanceLate(long milliseconds)
    {
        NowMilliseconds += milliseconds;
        while (NextDue() is { } next && next.DueAt <= NowMilliseconds)
        {
            next.Fire();
        }
    }

    /// <summary>The time of the next pending timer, if any.</summary>
    public long? NextDueAt => NextDue()?.DueAt;

    private FakeTimer? NextDue()
    {
        return _timers.Where(timer => timer.DueAt.HasValue).MinBy(timer => timer.DueAt);
    }

    private sealed class FakeTimer(FakeClock clock, TimerCallback callback) : IOneShotTimer
    {
        public long? DueAt { get; private set; }

        public void Start(int dueMilliseconds)
        {
            Assert.True(dueMilliseconds >= 0, $"timer started with a negative due time {dueMilliseconds}");
            DueAt = clock.NowMilliseconds + dueMilliseconds;
        }

        public void Stop()
        {
            DueAt = null;
        }

        public void Fire()
        {
            DueAt = null;
            callback(null);
        }
    }
}
