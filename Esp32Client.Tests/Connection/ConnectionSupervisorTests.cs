using Esp32Client.Core;
using Esp32Client.Tests.Fakes;

namespace Esp32Client.Tests.Connection;

public sealed class ConnectionSupervisorTests
{
    private readonly FakeBoard _board = new();

    [Fact]
    public void Joins_the_network_then_connects_to_the_broker()
    {
        // Act
        _board.RunFor(0);

        // Assert
        Assert.Equal(1, _board.Link.JoinAttempts);
        Assert.Equal(ConnectionState.Connected, _board.Supervisor.State);
        Assert.Equal(["Network link up.", "Connecting to the broker as esp32-a1b2c3...", "Connected to the broker."], _board.Log.Lines);
    }

    [Fact]
    public void Retries_a_refusing_broker_with_backoff_doubling_from_one_to_thirty_seconds()
    {
        // Arrange
        _board.Mqtt.ScriptConnectResults(Enumerable.Repeat(MqttConnectResult.Refused("bad user name or password"), 8).ToArray());

        // Act
        _board.RunFor(5 * 60 * 1000);

        // Assert
        long[] gaps = _board.ConnectAttemptTimes.Zip(_board.ConnectAttemptTimes.Skip(1), (first, second) => second - first).ToArray();
        int[] nominal = [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000];
        Assert.Equal(9, _board.Mqtt.ConnectRequests.Count);
        for (int index = 0; index < nominal.Length; index++)
        {
            Assert.InRange(gaps[index], nominal[index] * 3 / 4, nominal[index]);
        }

        Assert.Equal(ConnectionState.Connected, _board.Supervisor.State);
    }

    [Fact]
    public void Logs_why_the_broker_refused_and_when_it_retries()
    {
        // Arrange
        _board.Mqtt.ScriptConnectResults(MqttConnectResult.Refused("bad user name or password"));

        // Act
        _board.RunFor(0);

        // Assert
        Assert.Contains("The broker refused the connection: bad user name or password", _board.Log.Lines);
        Assert.Matches(@"^Retrying in 0\.[789] s\.$|^Retrying in 1\.0 s\.$", _board.Log.Lines[^1]);
    }

    [Fact]
    public void Starts_the_backoff_again_from_one_second_after_a_successful_connection()
    {
        // Arrange
        _board.Mqtt.ScriptConnectResults(Enumerable.Repeat(MqttConnectResult.Unreachable("timed out"), 5).ToArray());
        _board.RunFor(2 * 60 * 1000);
        int attemptsBeforeDrop = _board.ConnectAttemptTimes.Count;

        // Act
        _board.Mqtt.Drop();
        long droppedAt = _board.Clock.NowMilliseconds;
        _board.RunFor(5000);

        // Assert
        Assert.Equal(attemptsBeforeDrop + 1, _board.ConnectAttemptTimes.Count);
        Assert.InRange(_board.ConnectAttemptTimes[^1] - droppedAt, 750, 1000);
    }

    [Fact]
    public void Starts_the_retry_delay_only_once_a_failed_attempt_has_returned()
    {
        // Arrange: closing the client after a failed attempt blocks it (NANOFRAMEWORK.md, "Close takes time").
        const int AttemptMilliseconds = 1200;
        _board.Mqtt.ScriptConnectResults(MqttConnectResult.Unreachable("timed out"));
        _board.Mqtt.ConnectAttempted += () => _board.Clock.Advance(AttemptMilliseconds);

        // Act
        _board.RunFor(5000);

        // Assert
        Assert.Equal(2, _board.ConnectAttemptTimes.Count);
        Assert.InRange(_board.ConnectAttemptTimes[1] - _board.ConnectAttemptTimes[0], AttemptMilliseconds + 750, AttemptMilliseconds + 1000);
    }

    [Fact]
    public void Keeps_to_the_backoff_when_woken_early()
    {
        // Arrange
        _board.Mqtt.ScriptConnectResults(MqttConnectResult.Unreachable("timed out"), MqttConnectResult.Unreachable("timed out"));
        while (_board.ConnectAttemptTimes.Count < 2)
        {
            _board.RunFor(100);
        }

        long secondAttempt = _board.ConnectAttemptTimes[^1];

        // Act: a late connection-lost event wakes the supervisor while it waits out the second delay.
        int wait = _board.Supervisor.Step();
        _board.RunFor(2000);

        // Assert
        Assert.True(wait > 0);
        Assert.Equal(ConnectionState.Connected, _board.Supervisor.State);
        Assert.InRange(_board.ConnectAttemptTimes[^1] - secondAttempt, 1500, 2000);
    }

    [Fact]
    public void Rejoins_the_network_when_the_wifi_drops_and_then_reconnects()
    {
        // Arrange
        _board.StartAndSettle();

        // Act
        _board.Link.IsUp = false;
        _board.RunFor(new ConnectionPolicy().LinkCheckMilliseconds);

        // Assert
        Assert.Contains("Network link lost: rejoining.", _board.Log.Lines);
        Assert.Equal(1, _board.Mqtt.Disconnects);
        Assert.Equal(2, _board.Link.JoinAttempts);
        Assert.Equal(2, _board.Mqtt.ConnectRequests.Count);
        Assert.Equal(ConnectionState.Connected, _board.Supervisor.State);
    }

    [Fact]
    public void Retries_joining_the_network_with_backoff()
    {
        // Arrange
        _board.Link.JoinSucceeds = false;
        _board.RunFor(60_000);
        int failedJoins = _board.Link.JoinAttempts;

        // Act
        _board.Link.JoinSucceeds = true;
        _board.RunFor(60_000);

        // Assert
        Assert.InRange(failedJoins, 2, 3);
        Assert.Contains(_board.Log.Lines, line => line.StartsWith("Could not join the network: retrying in ", StringComparison.Ordinal));
        Assert.Equal(ConnectionState.Connected, _board.Supervisor.State);
    }

    [Fact]
    public void Requests_a_reboot_after_ten_minutes_without_the_broker()
    {
        // Arrange
        _board.Mqtt.ScriptConnectResults(Enumerable.Repeat(MqttConnectResult.Unreachable("connection refused"), 100).ToArray());

        // Act
        _board.RunFor((10 * 60 * 1000) - 30_001);
        int rebootsBeforeTenMinutes = _board.Rebooter.Reboots;
        _board.RunFor(60_000);

        // Assert
        Assert.Equal(0, rebootsBeforeTenMinutes);
        Assert.Equal(1, _board.Rebooter.Reboots);
        Assert.Equal(ConnectionState.Stopped, _board.Supervisor.State);
        Assert.StartsWith("Offline for 6", _board.Log.Lines[^1]);
    }

    [Fact]
    public void Counts_the_time_offline_from_the_last_disconnect_not_from_boot()
    {
        // Arrange
        _board.StartAndSettle();
        _board.RunFor(30 * 60 * 1000);
        _board.Mqtt.ScriptConnectResults(Enumerable.Repeat(MqttConnectResult.Unreachable("connection refused"), 100).ToArray());

        // Act
        _board.Mqtt.Drop();
        _board.RunFor(9 * 60 * 1000);
        int rebootsAfterNineMinutes = _board.Rebooter.Reboots;
        _board.RunFor(2 * 60 * 1000);

        // Assert
        Assert.Equal(0, rebootsAfterNineMinutes);
        Assert.Equal(1, _board.Rebooter.Reboots);
    }

    [Fact]
    public void Never_reboots_while_connected()
    {
        // Arrange
        _board.StartAndSettle();

        // Act
        _board.RunFor(60 * 60 * 1000);

        // Assert
        Assert.Equal(0, _board.Rebooter.Reboots);
        Assert.Single(_board.Mqtt.ConnectRequests);
    }

    [Fact]
    public void Stops_stepping_once_stopped()
    {
        // Arrange
        _board.StartAndSettle();

        // Act
        _board.Supervisor.Stop();
        int wait = _board.Supervisor.Step();

        // Assert
        Assert.Equal(Timeout.Infinite, wait);
        Assert.Equal(ConnectionState.Stopped, _board.Supervisor.State);
    }

    [Fact]
    public void Does_not_announce_a_connection_that_completes_after_a_stop()
    {
        // Arrange
        FakeBoard board = new();
        board.Mqtt.ConnectAttempted += () => board.Supervisor.Stop();

        // Act
        board.RunFor(0);

        // Assert
        Assert.Equal(ConnectionState.Stopped, board.Supervisor.State);
        Assert.Empty(board.Mqtt.Published);
    }

    [Fact]
    public void Run_returns_promptly_when_stopped_while_waiting()
    {
        // Arrange
        FakeBoard board = new();
        Thread thread = new(board.Supervisor.Run);
        thread.Start();
        bool connected = SpinWait.SpinUntil(() => board.Supervisor.State == ConnectionState.Connected, TimeSpan.FromSeconds(10));
        Assert.True(connected, "the supervisor did not connect on its own thread");

        // Act
        board.Supervisor.Stop();

        // Assert
        Assert.True(thread.Join(TimeSpan.FromSeconds(10)), "Run did not return after Stop");
        Assert.Equal(ConnectionState.Stopped, board.Supervisor.State);
    }
}
