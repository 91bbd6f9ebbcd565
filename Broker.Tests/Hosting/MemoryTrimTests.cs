using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Esp32Mqtt.Broker.Tests.Hosting;

public sealed class MemoryTrimTests : IDisposable
{
    private static readonly TimeSpan s_justShort = MemoryTrim.QuietPeriod - TimeSpan.FromTicks(1);

    private readonly ManualTimeProvider _clock = new();
    private readonly MemoryTrim _trim;
    private int _collections;

    public MemoryTrimTests()
    {
        _trim = new MemoryTrim(NullLoggerFactory.Instance, _clock, () => _collections++);
    }

    public void Dispose()
    {
        _trim.Dispose();
    }

    [Fact]
    public void Collects_once_a_wave_of_connections_has_been_quiet_for_the_quiet_period()
    {
        // Arrange
        Change(MemoryTrim.WaveSize);

        // Act
        _clock.Advance(s_justShort);
        int beforeQuiet = _collections;
        _clock.Advance(TimeSpan.FromTicks(1));

        // Assert
        Assert.Equal(0, beforeQuiet);
        Assert.Equal(1, _collections);
    }

    [Fact]
    public void Waits_while_clients_keep_connecting_and_disconnecting()
    {
        // Arrange
        Change(MemoryTrim.WaveSize);

        // Act
        for (int step = 0; step < 5; step++)
        {
            _clock.Advance(s_justShort);
            Change(1);
        }

        int duringWave = _collections;
        _clock.Advance(MemoryTrim.QuietPeriod);

        // Assert
        Assert.Equal(0, duringWave);
        Assert.Equal(1, _collections);
    }

    [Fact]
    public void Leaves_a_wave_smaller_than_the_wave_size_alone()
    {
        // Act
        Change(MemoryTrim.WaveSize - 1);
        _clock.Advance(TimeSpan.FromMinutes(10));

        // Assert
        Assert.Equal(0, _collections);
    }

    [Fact]
    public void Does_not_add_up_small_waves_separated_by_quiet()
    {
        // Act: two boards coming and going, again and again.
        for (int wave = 0; wave < MemoryTrim.WaveSize; wave++)
        {
            Change(4);
            _clock.Advance(MemoryTrim.QuietPeriod);
        }

        // Assert
        Assert.Equal(0, _collections);
    }

    [Fact]
    public void Collects_once_for_each_wave()
    {
        // Arrange
        Change(MemoryTrim.WaveSize);
        _clock.Advance(MemoryTrim.QuietPeriod);

        // Act
        _clock.Advance(TimeSpan.FromMinutes(10));
        int afterFirstWave = _collections;
        Change(MemoryTrim.WaveSize);
        _clock.Advance(MemoryTrim.QuietPeriod);

        // Assert
        Assert.Equal(1, afterFirstWave);
        Assert.Equal(2, _collections);
    }

    [Fact]
    public void Does_not_collect_once_disposed()
    {
        // Arrange
        Change(MemoryTrim.WaveSize);

        // Act
        _trim.Dispose();
        Change(MemoryTrim.WaveSize);
        _clock.Advance(TimeSpan.FromMinutes(10));

        // Assert
        Assert.Equal(0, _collections);
    }

    private void Change(int count)
    {
        for (int change = 0; change < count; change++)
        {
            _trim.ConnectionsChanged();
        }
    }
}
