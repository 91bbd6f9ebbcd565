using Esp32Mqtt.Broker.Transport.KeepAlive;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Transport.Tests;

public sealed class KeepAliveDeadlineTests
{
    // One and a half times a keep-alive of 2 s (OASIS MQTT 3.1.1 section 3.1.2.10).
    private static readonly TimeSpan s_allowedSilence = TimeSpan.FromSeconds(3);

    [Fact]
    public void Runs_out_after_one_and_a_half_keep_alive_periods_without_a_packet()
    {
        // Arrange
        ManualTimeProvider clock = new();
        KeepAliveDeadline watch = new(keepAliveSeconds: 2);
        Assert.False(watch.HasJustRunOut(packetsRead: 5, clock.GetTimestamp(), clock));
        clock.Advance(s_allowedSilence);
        bool outAtTheLimit = watch.HasJustRunOut(5, clock.GetTimestamp(), clock);

        // Act
        clock.Advance(TimeSpan.FromTicks(1));

        // Assert
        Assert.False(outAtTheLimit);
        Assert.True(watch.HasJustRunOut(5, clock.GetTimestamp(), clock));
    }

    [Fact]
    public void Starts_the_silence_over_at_every_packet_read()
    {
        // Arrange
        ManualTimeProvider clock = new();
        KeepAliveDeadline watch = new(keepAliveSeconds: 2);
        watch.HasJustRunOut(5, clock.GetTimestamp(), clock);
        clock.Advance(s_allowedSilence * 0.9);

        // Act: one more packet read, then most of the allowed silence again.
        bool outWithANewPacket = watch.HasJustRunOut(6, clock.GetTimestamp(), clock);
        clock.Advance(s_allowedSilence * 0.9);
        bool outWithinTheNewSilence = watch.HasJustRunOut(6, clock.GetTimestamp(), clock);
        clock.Advance(s_allowedSilence * 0.2);

        // Assert
        Assert.False(outWithANewPacket);
        Assert.False(outWithinTheNewSilence);
        Assert.True(watch.HasJustRunOut(6, clock.GetTimestamp(), clock));
    }

    [Fact]
    public void Reports_running_out_once()
    {
        // Arrange
        ManualTimeProvider clock = new();
        KeepAliveDeadline watch = new(keepAliveSeconds: 2);
        watch.HasJustRunOut(5, clock.GetTimestamp(), clock);
        clock.Advance(s_allowedSilence * 2);
        bool firstLookAfterTheLimit = watch.HasJustRunOut(5, clock.GetTimestamp(), clock);

        // Act: the connection is still there a look later, its close not yet done.
        clock.Advance(s_allowedSilence);

        // Assert
        Assert.True(firstLookAfterTheLimit);
        Assert.False(watch.HasJustRunOut(5, clock.GetTimestamp(), clock));
    }

    [Fact]
    public void Never_runs_out_for_a_client_without_keep_alive()
    {
        // Arrange: keep-alive 0 turns the mechanism off.
        ManualTimeProvider clock = new();
        KeepAliveDeadline watch = new(keepAliveSeconds: 0);
        watch.HasJustRunOut(1, clock.GetTimestamp(), clock);

        // Act
        clock.Advance(TimeSpan.FromDays(1));

        // Assert
        Assert.False(watch.HasJustRunOut(1, clock.GetTimestamp(), clock));
    }
}
