using System.Net.Sockets;
using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.Logging;
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
    public void Leaves_a_few_connects_and_disconnects_alone()
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
    public void Counts_the_next_wave_from_zero_after_a_collection()
    {
        // Arrange
        ManualTimeProvider clock = new();
        int collections = 0;
        using MemoryTrim trim = new(NullLoggerFactory.Instance, clock, () => collections++);
        Change(trim, MemoryTrim.WaveSize);
        clock.Advance(MemoryTrim.QuietPeriod);

        // Act
        Change(trim, MemoryTrim.WaveSize - 1);
        clock.Advance(TimeSpan.FromMinutes(10));
        int afterSmallWave = collections;
        Change(trim, 1);
        clock.Advance(MemoryTrim.QuietPeriod);

        // Assert
        Assert.Equal(1, afterSmallWave);
        Assert.Equal(2, collections);
    }

    [Fact]
    public async Task Collects_after_clients_of_a_running_broker_have_come_and_gone()
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?>
        {
            [$"Logging:LogLevel:{typeof(MemoryTrim).FullName}"] = nameof(LogLevel.Debug),
            ["Logging:LogLevel:Esp32Mqtt.Broker.Connections"] = nameof(LogLevel.None),
        });

        // Act: each client connects and goes away, two changes each.
        for (int client = 0; client < MemoryTrim.WaveSize / 2; client++)
        {
            using Socket socket = await RawMqtt.ConnectAsync(broker.Port, $"wave-{client:D3}");
        }

        CapturedLogLine line = await broker.Logs.WaitForAsync("connects and disconnects, then quiet");

        // Assert
        Assert.StartsWith($"{MemoryTrim.WaveSize} connects and disconnects", line.Message, StringComparison.Ordinal);
    }

    private static void Change(MemoryTrim trim, int count)
    {
        for (int change = 0; change < count; change++)
        {
            trim.ConnectionsChanged();
        }
    }
}
