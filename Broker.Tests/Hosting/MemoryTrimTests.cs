using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Esp32Mqtt.Broker.Tests.Hosting;

public sealed class MemoryTrimTests
{
    private static readonly TimeSpan s_justShort = MemoryTrim.QuietPeriod - TimeSpan.FromTicks(1);

    [Fact]
    public void Collects_once_a_wave_of_connections_has_been_quiet_for_the_quiet_period()
    {
        // Arrange
        ManualTimeProvider clock = new();
        int collections = 0;
        using MemoryTrim trim = new(NullLoggerFactory.Instance, clock, () => collections++);
        Change(trim, MemoryTrim.WaveSize);

        // Act
        clock.Advance(s_justShort);
        int beforeQuiet = collections;
        clock.Advance(TimeSpan.FromTicks(1));

        // Assert
        Assert.Equal(0, beforeQuiet);
        Assert.Equal(1, collections);
    }

    [Fact]
    public void Waits_while_clients_keep_connecting_and_disconnecting()
    {
        // Arrange
        ManualTimeProvider clock = new();
        int collections = 0;
        using MemoryTrim trim = new(NullLoggerFactory.Instance, clock, () => collections++);
        Change(trim, MemoryTrim.WaveSize);

        // Act
        for (int step = 0; step < 5; step++)
        {
            clock.Advance(s_justShort);
            Change(trim, 1);
        }

        int duringWave = collections;
        clock.Advance(MemoryTrim.QuietPeriod);

        // Assert
        Assert.Equal(0, duringWave);
        Assert.Equal(1, collections);
    }

    [Fact]
    public void Leaves_a_wave_smaller_than_the_wave_size_alone()
    {
        // Arrange
        ManualTimeProvider clock = new();
        int collections = 0;
        using MemoryTrim trim = new(NullLoggerFactory.Instance, clock, () => collections++);

        // Act
        Change(trim, MemoryTrim.WaveSize - 1);
        clock.Advance(TimeSpan.FromMinutes(10));

        // Assert
        Assert.Equal(0, collections);
    }

    [Fact]
    public void Does_not_add_up_small_waves_separated_by_quiet()
    {
        // Arrange
        ManualTimeProvider clock = new();
        int collections = 0;
        using MemoryTrim trim = new(NullLoggerFactory.Instance, clock, () => collections++);

        // Act: two boards coming and going, again and again.
        for (int wave = 0; wave < MemoryTrim.WaveSize; wave++)
        {
            Change(trim, 4);
            clock.Advance(MemoryTrim.QuietPeriod);
        }

        // Assert
        Assert.Equal(0, collections);
    }

    [Fact]
    public void Collects_once_for_each_wave()
    {
        // Arrange
        ManualTimeProvider clock = new();
        int collections = 0;
        using MemoryTrim trim = new(NullLoggerFactory.Instance, clock, () => collections++);
        Change(trim, MemoryTrim.WaveSize);
        clock.Advance(MemoryTrim.QuietPeriod);

        // Act
        clock.Advance(TimeSpan.FromMinutes(10));
        int afterFirstWave = collections;
        Change(trim, MemoryTrim.WaveSize);
        clock.Advance(MemoryTrim.QuietPeriod);

        // Assert
        Assert.Equal(1, afterFirstWave);
        Assert.Equal(2, collections);
    }

    [Fact]
    public void Does_not_collect_once_disposed()
    {
        // Arrange
        ManualTimeProvider clock = new();
        int collections = 0;
        MemoryTrim trim = new(NullLoggerFactory.Instance, clock, () => collections++);
        Change(trim, MemoryTrim.WaveSize);

        // Act
        trim.Dispose();
        Change(trim, MemoryTrim.WaveSize);
        clock.Advance(TimeSpan.FromMinutes(10));

        // Assert
        Assert.Equal(0, collections);
    }

    private static void Change(MemoryTrim trim, int count)
    {
        for (int change = 0; change < count; change++)
        {
            trim.ConnectionsChanged();
        }
    }
}
