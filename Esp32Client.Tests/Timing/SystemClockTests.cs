using Esp32Client.Core;
using Esp32Client.Tests.Fakes;

namespace Esp32Client.Tests.Timing;

public sealed class SystemClockTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(10);

    private readonly RecordingLog _log = new();

    [Fact]
    public void Fires_a_timer_once_after_its_due_time()
    {
        // Arrange
        SystemClock clock = new(_log);
        using CountdownEvent fired = new(1);
        long firedAt = 0;
        IOneShotTimer timer = clock.CreateTimer(_ =>
        {
            firedAt = clock.NowMilliseconds;
            fired.Signal();
        });
        long startedAt = clock.NowMilliseconds;

        // Act
        timer.Start(50);

        // Assert
        Assert.True(fired.Wait(s_patience));
        Assert.True(firedAt - startedAt >= 45, $"fired after {firedAt - startedAt} ms");
    }

    [Fact]
    public void Does_not_fire_a_stopped_timer()
    {
        // Arrange
        SystemClock clock = new(_log);
        int stoppedFirings = 0;
        using ManualResetEventSlim sentinel = new();
        IOneShotTimer stopped = clock.CreateTimer(_ => Interlocked.Increment(ref stoppedFirings));
        IOneShotTimer later = clock.CreateTimer(_ => sentinel.Set());

        // Act: far enough apart that a test thread paused between Start and Stop (the suite builds firmware alongside)
        // does not let the stopped timer fire first.
        stopped.Start(500);
        stopped.Stop();
        later.Start(600);

        // Assert
        Assert.True(sentinel.Wait(s_patience));
        Assert.Equal(0, stoppedFirings);
    }

    [Fact]
    public void Logs_a_callback_that_throws_instead_of_crashing()
    {
        // Arrange
        SignallingLog log = new();
        SystemClock clock = new(log);
        IOneShotTimer failing = clock.CreateTimer(_ => throw new InvalidOperationException("boom"));

        // Act
        failing.Start(0);

        // Assert
        Assert.True(log.Written.Wait(s_patience));
        Assert.Equal("A timer callback failed: boom", log.Line);
    }

    private sealed class SignallingLog : ILog
    {
        public ManualResetEventSlim Written { get; } = new();

        public string? Line { get; private set; }

        public void Write(string line)
        {
            Line = line;
            Written.Set();
        }
    }
}
