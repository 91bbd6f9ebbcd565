using Esp32Client.Core;
using Esp32Client.Tests.Fakes;

namespace Esp32Client.Tests.Composition;

public sealed class BoardTests
{
    [Fact]
    public void Logs_its_boot_report_before_anything_else_when_it_runs()
    {
        // Arrange
        FakeBoard board = new(new BoardSettings(FakeBoard.Id) { BrokerHost = "192.168.1.10", TelemetryPeriodSeconds = 30 });
        string[] expectedReport = BootReport.Lines(board.Settings, board.Topics, new ConnectionPolicy(), new HomeAssistantDiscoveryMessage(board.Topics, FirmwareInfo.Version));
        board.Board.Stop();

        // Act
        board.Board.Run();

        // Assert
        Assert.Equal(expectedReport, board.Log.Lines);
        Assert.Contains("  Telemetry: every 30 s", board.Log.Lines);
    }

    [Fact]
    public void Runs_with_the_settings_it_was_given()
    {
        // Arrange
        BoardSettings settings = new(FakeBoard.Id)
        {
            BrokerHost = "192.168.1.10",
            UserName = "esp32",
            Password = "secret",
            TelemetryPeriodSeconds = 5,
            OfflineRebootMinutes = 1,
        };
        FakeBoard board = new(settings);
        board.Mqtt.ScriptConnectResults(Enumerable.Repeat(MqttConnectResult.Unreachable("connection refused"), 100).ToArray());

        // Act
        board.RunFor(2 * ConnectionPolicy.MillisecondsPerMinute);

        // Assert
        MqttConnectRequest request = board.Mqtt.ConnectRequests[0];
        Assert.Equal(("esp32", "secret"), (request.UserName, request.Password));
        Assert.Equal(1, board.Rebooter.Reboots);
    }

    [Fact]
    public void Publishes_telemetry_at_the_period_it_was_given()
    {
        // Arrange
        FakeBoard board = new(new BoardSettings(FakeBoard.Id) { BrokerHost = "192.168.1.10", TelemetryPeriodSeconds = 5 });
        board.RunFor(0);

        // Act
        board.RunFor(10_000);

        // Assert
        Assert.Equal(3, board.Mqtt.PayloadsOn(board.Topics.Telemetry).Count);
    }

    [Fact]
    public void Shutdown_stops_the_supervisor_and_disconnects_cleanly()
    {
        // Arrange
        FakeBoard board = new();
        board.StartAndSettle();

        // Act
        board.Board.Shutdown();
        int nextWait = board.Supervisor.Step();

        // Assert
        Assert.Equal(Timeout.Infinite, nextWait);
        Assert.Equal(ConnectionState.Stopped, board.Supervisor.State);
        Assert.Equal(new PublishedMessage(board.Topics.Status, "offline", true), board.Mqtt.Published[^1]);
        Assert.Equal(1, board.Mqtt.Disconnects);
    }

    [Fact]
    public void Announces_itself_to_home_assistant_unless_told_not_to()
    {
        // Arrange
        FakeBoard announcing = new();
        FakeBoard quiet = new(new BoardSettings(FakeBoard.Id) { BrokerHost = "192.168.1.10", HomeAssistantDiscovery = false });

        // Act
        announcing.RunFor(0);
        quiet.RunFor(0);

        // Assert
        Assert.Single(announcing.Mqtt.Published, message => message.Topic == "homeassistant/light/esp32-a1b2c3/config");
        Assert.DoesNotContain(quiet.Mqtt.Published, message => message.Topic.StartsWith(HomeAssistantDiscoveryMessage.Prefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sends_fewer_messages_on_connecting_than_the_mqtt_clients_queue_holds(bool restoring)
    {
        // Arrange: the first connection restores the LED; later ones report it at once.
        FakeBoard board = new();
        if (!restoring)
        {
            board.StartAndSettle();
            board.Mqtt.Drop();
        }

        int before = board.Mqtt.Published.Count + board.Mqtt.SubscribeCalls;

        // Act
        board.RunFor(restoring ? 0 : 30_000);

        // Assert: the client's queue also takes the commands that arrive meanwhile.
        int burst = board.Mqtt.Published.Count + board.Mqtt.SubscribeCalls - before;
        Assert.InRange(burst, 4, MqttSessionConnection.ClientQueueLimit - 3);
    }
}
