using Esp32Client.Core;
using Esp32Client.Tests.Fakes;

namespace Esp32Client.Tests.Led;

public sealed class LedControllerTests
{
    private readonly FakeClock _clock = new();
    private readonly FakeLedOutput _output;
    private readonly LedController _led;
    private int _blinksFinished;

    public LedControllerTests()
    {
        _output = new FakeLedOutput(_clock);
        _led = new LedController(_output, _clock);
        _led.BlinkFinished += () => _blinksFinished++;
    }

    [Fact]
    public void Starts_with_the_led_off()
    {
        // Arrange
        FakeClock clock = new();
        FakeLedOutput output = new(clock);

        // Act
        LedController led = new(output, clock);

        // Assert
        Assert.Equal([(0L, false)], output.Writes);
        Assert.False(led.IsOn);
    }

    [Fact]
    public void Blinks_three_times_250_ms_on_and_off_then_returns_to_off()
    {
        // Act
        _led.Blink(3, 250);
        _clock.Advance(10_000);

        // Assert
        Assert.Equal(
            [(0L, false), (0L, true), (250L, false), (500L, true), (750L, false), (1000L, true), (1250L, false), (1500L, false)],
            _output.Writes);
        Assert.False(_led.IsBlinking);
        Assert.Equal(1, _blinksFinished);
    }

    [Fact]
    public void Returns_to_on_after_a_blink_that_started_while_on()
    {
        // Arrange
        _led.Set(true);

        // Act
        _led.Blink(2, 100);
        _clock.Advance(399);
        bool blinkingBeforeTheEnd = _led.IsBlinking;
        _clock.Advance(1);

        // Assert
        Assert.True(blinkingBeforeTheEnd);
        Assert.Equal((400L, true), _output.Writes[^1]);
        Assert.True(_led.IsOn);
        Assert.False(_led.IsBlinking);
    }

    [Fact]
    public void Reports_the_state_it_will_return_to_while_blinking()
    {
        // Arrange
        _led.Set(true);

        // Act
        _led.Blink(3, 250);
        _clock.Advance(300);

        // Assert
        Assert.True(_led.IsBlinking);
        Assert.True(_led.IsOn);
        Assert.False(_output.IsOn);
    }

    [Fact]
    public void Cancels_a_blink_when_a_new_state_is_set()
    {
        // Arrange
        _led.Blink(10, 100);
        _clock.Advance(150);

        // Act
        _led.Set(true);
        int writesAfterCancel = _output.Writes.Count;
        _clock.Advance(10_000);

        // Assert
        Assert.False(_led.IsBlinking);
        Assert.Equal(writesAfterCancel, _output.Writes.Count);
        Assert.True(_output.IsOn);
        Assert.Equal(0, _blinksFinished);
        Assert.Null(_clock.NextDueAt);
    }

    [Fact]
    public void Toggles_relative_to_the_state_before_a_cancelled_blink()
    {
        // Arrange
        _led.Blink(10, 100);
        _clock.Advance(50);

        // Act
        _led.Toggle();

        // Assert
        Assert.True(_led.IsOn);
        Assert.True(_output.IsOn);
        Assert.False(_led.IsBlinking);
    }

    [Fact]
    public void Restarts_the_count_when_a_blink_replaces_a_blink()
    {
        // Arrange
        _led.Blink(10, 100);
        _clock.Advance(550);

        // Act
        _led.Blink(1, 200);
        _clock.Advance(10_000);

        // Assert
        Assert.Equal([(550L, true), (750L, false), (950L, false)], _output.Writes.Where(write => write.At >= 550));
        Assert.Equal(1, _blinksFinished);
    }

    [Fact]
    public void Keeps_to_the_schedule_when_the_timer_fires_late()
    {
        // Arrange
        _led.Blink(2, 100);

        // Act: The timer thread was busy: the first phase change comes 30 ms late, the next must not slip.
        _clock.AdvanceLate(130);
        _clock.Advance(70);

        // Assert
        Assert.Equal([(0L, true), (130L, false), (200L, true)], _output.Writes.Skip(1));
    }
}
