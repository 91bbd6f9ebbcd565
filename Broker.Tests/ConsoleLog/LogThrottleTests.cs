using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Tests.ConsoleLog;

public sealed class LogThrottleTests
{
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(10);

    [Fact]
    public void Lets_lines_through_up_to_the_limit()
    {
        // Arrange
        using LogThrottle throttle = new(3, s_window, new ManualTimeProvider(), (_, _) => { });

        // Act
        bool[] entered = [.. Enumerable.Range(0, 5).Select(_ => throttle.TryEnter())];

        // Assert
        Assert.Equal([true, true, true, false, false], entered);
    }

    [Fact]
    public void Reports_the_held_back_lines_once_at_the_end_of_the_window()
    {
        // Arrange
        ManualTimeProvider clock = new();
        List<int> reports = [];
        using LogThrottle throttle = new(2, s_window, clock, (count, _) => reports.Add(count));
        for (int line = 0; line < 7; line++)
        {
            throttle.TryEnter();
        }

        // Act
        clock.Advance(s_window);

        // Assert
        Assert.Equal([5], reports);
    }

    [Fact]
    public void Lets_lines_through_again_after_the_report()
    {
        // Arrange
        ManualTimeProvider clock = new();
        using LogThrottle throttle = new(1, s_window, clock, (_, _) => { });
        throttle.TryEnter();
        throttle.TryEnter();
        clock.Advance(s_window);

        // Act
        bool entered = throttle.TryEnter();

        // Assert
        Assert.True(entered);
    }

    [Fact]
    public void Starts_a_fresh_window_when_nothing_was_held_back()
    {
        // Arrange
        ManualTimeProvider clock = new();
        List<int> reports = [];
        using LogThrottle throttle = new(1, s_window, clock, (count, _) => reports.Add(count));
        throttle.TryEnter();
        clock.Advance(s_window);

        // Act
        bool entered = throttle.TryEnter();

        // Assert
        Assert.True(entered);
        Assert.Empty(reports);
    }
}
