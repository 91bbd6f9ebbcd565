using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Tests.Transport;

public sealed class KeepAliveMonitorTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly ClientConnections _connections = new();

    [Fact]
    public void Closes_an_accepted_connection_once_its_keep_alive_has_run_out_and_leaves_the_others()
    {
        // Arrange
        (StreamChannelAdapter silent, MemoryStream silentStream) = Accept("board-1", keepAliveSeconds: 2);
        (StreamChannelAdapter patient, MemoryStream patientStream) = Accept("board-2", keepAliveSeconds: 60);
        using StreamChannelAdapter closing = silent;
        using StreamChannelAdapter staying = patient;
        using KeepAliveMonitor monitor = new(_connections, _clock, NullLoggerFactory.Instance);
        monitor.Attach(null!);

        // Act: the monitor looks every second; the first look starts the watch, and 4 s of silence follow.
        for (int look = 0; look < 5; look++)
        {
            _clock.Advance(KeepAliveMonitor.Interval);
        }

        // Assert
        Assert.False(silentStream.CanRead);
        Assert.True(patientStream.CanRead);
        Assert.Equal(1, _clock.PendingTimerCount);
    }

    [Fact]
    public void Reports_a_silent_client_once_while_its_connection_is_still_in_the_map()
    {
        // Arrange: nothing tells the map that the closed connection has ended, as when its close is still under way.
        LogCapture logs = new();
        using ILoggerFactory loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        (StreamChannelAdapter silent, MemoryStream stream) = Accept("board-1", keepAliveSeconds: 1);
        using StreamChannelAdapter connection = silent;
        using KeepAliveMonitor monitor = new(_connections, _clock, loggerFactory);
        monitor.Attach(null!);

        // Act: the first look starts the watch, the third finds 2 s of silence, and five more follow.
        for (int look = 0; look < 8; look++)
        {
            _clock.Advance(KeepAliveMonitor.Interval);
        }

        // Assert
        Assert.False(stream.CanRead);
        Assert.Single(logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("board-1 sent nothing", StringComparison.Ordinal));
    }

    [Fact]
    public void Looks_no_more_once_disposed()
    {
        // Arrange
        (StreamChannelAdapter silent, MemoryStream stream) = Accept("board-1", keepAliveSeconds: 1);
        using StreamChannelAdapter connection = silent;
        KeepAliveMonitor monitor = new(_connections, _clock, NullLoggerFactory.Instance);
        monitor.Attach(null!);
        _clock.Advance(KeepAliveMonitor.Interval);

        // Act
        monitor.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(10));

        // Assert
        Assert.True(stream.CanRead);
        Assert.Equal(0, _clock.PendingTimerCount);
    }

    private (StreamChannelAdapter Connection, MemoryStream Stream) Accept(string clientId, ushort keepAliveSeconds)
    {
        MemoryStream stream = new();
        StreamChannelAdapter connection = QuietConnectionOwner.Instance.Serve(stream);
        connection.KeepAlive = new KeepAliveWatch(keepAliveSeconds);
        _connections.Connecting(clientId, connection);
        _connections.Accepted(clientId, connection);
        return (connection, stream);
    }
}
