using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.KeepAlive;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Esp32Mqtt.Broker.Transport.Tests;

public sealed class KeepAliveMonitorTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly AcceptedConnections _connections = new();

    [Fact]
    public void Closes_an_accepted_connection_once_its_keep_alive_has_run_out_and_leaves_the_others()
    {
        // Arrange
        (StreamChannelAdapter silent, MemoryStream silentStream) = Accept("board-1", keepAliveSeconds: 2);
        (StreamChannelAdapter patient, MemoryStream patientStream) = Accept("board-2", keepAliveSeconds: 60);
        using StreamChannelAdapter closing = silent;
        using StreamChannelAdapter staying = patient;
        using KeepAliveMonitor monitor = new(_connections, new ConnectionProblems(TestSettings.Create()), _clock, NullLogger.Instance);
        monitor.Start();

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
        List<ConnectionProblem> problems = [];
        (StreamChannelAdapter silent, MemoryStream stream) = Accept("board-1", keepAliveSeconds: 1);
        using StreamChannelAdapter connection = silent;
        using KeepAliveMonitor monitor = new(_connections, new ConnectionProblems(TestSettings.Create(problems: problems)), _clock, NullLogger.Instance);
        monitor.Start();

        // Act: the first look starts the watch, the third finds 2 s of silence, and five more follow.
        for (int look = 0; look < 8; look++)
        {
            _clock.Advance(KeepAliveMonitor.Interval);
        }

        // Assert
        Assert.False(stream.CanRead);
        ConnectionProblem problem = Assert.Single(problems);
        Assert.Equal(ConnectionProblemKind.KeepAliveExpired, problem.Kind);
        Assert.StartsWith("board-1 sent nothing", problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Looks_no_more_once_disposed()
    {
        // Arrange
        (StreamChannelAdapter silent, MemoryStream stream) = Accept("board-1", keepAliveSeconds: 1);
        using StreamChannelAdapter connection = silent;
        KeepAliveMonitor monitor = new(_connections, new ConnectionProblems(TestSettings.Create()), _clock, NullLogger.Instance);
        monitor.Start();
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
        connection.KeepAlive = new KeepAliveDeadline(keepAliveSeconds);
        _connections.Connecting(clientId, connection);
        _connections.Accepted(clientId, connection);
        return (connection, stream);
    }
}
