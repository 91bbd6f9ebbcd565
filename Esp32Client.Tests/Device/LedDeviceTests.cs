using Esp32Client.Core;
using Esp32Client.Tests.Fakes;

namespace Esp32Client.Tests.Device;

public sealed class LedDeviceTests
{
    private readonly FakeBoard _board = new();

    [Fact]
    public void Connects_with_its_id_and_a_retained_offline_will_on_its_status_topic()
    {
        // Act
        _board.RunFor(0);

        // Assert
        MqttConnectRequest request = Assert.Single(_board.Mqtt.ConnectRequests);
        Assert.Equal("esp32-a1b2c3", request.ClientId);
        Assert.Equal("esp32/esp32-a1b2c3/status", request.WillTopic);
        Assert.Equal("offline", request.WillMessage);
        Assert.Equal(15, request.KeepAliveSeconds);
    }

    [Fact]
    public void Announces_online_and_subscribes_to_both_command_topics_and_its_own_state_on_first_connect()
    {
        // Act
        _board.RunFor(0);

        // Assert
        Assert.Equal(new PublishedMessage("esp32/esp32-a1b2c3/status", "online", true), _board.Mqtt.Published[0]);
        Assert.Equivalent(new[] { "led", "esp32/esp32-a1b2c3/led", "esp32/esp32-a1b2c3/led/state" }, _board.Mqtt.Subscriptions, strict: true);
        Assert.Empty(_board.States);
    }

    [Fact]
    public void Reports_off_once_the_restore_window_passes_without_a_retained_state()
    {
        // Arrange
        _board.RunFor(0);
        _board.RunFor(LedDevice.RestoreWindowMilliseconds - 1);
        List<string> statesBefore = _board.States;

        // Act
        _board.RunFor(1);

        // Assert
        Assert.Empty(statesBefore);
        Assert.Equal(["off"], _board.States);
        Assert.DoesNotContain(_board.Topics.LedState, _board.Mqtt.Subscriptions);
        Assert.Contains(new PublishedMessage(_board.Topics.LedState, "off", true), _board.Mqtt.Published);
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData(" ON\n", true)]
    public void Restores_the_led_from_its_own_retained_state_after_a_boot(string retained, bool expectedOn)
    {
        // Arrange
        _board.RunFor(0);

        // Act
        _board.Mqtt.Deliver(_board.Topics.LedState, retained);

        // Assert
        Assert.Equal(expectedOn, _board.Output.IsOn);
        Assert.Equal([expectedOn ? "on" : "off"], _board.States);
        Assert.DoesNotContain(_board.Topics.LedState, _board.Mqtt.Subscriptions);
    }

    [Fact]
    public void Stays_off_when_the_retained_state_was_blinking()
    {
        // Arrange
        _board.RunFor(0);

        // Act
        _board.Mqtt.Deliver(_board.Topics.LedState, "blinking");

        // Assert
        Assert.False(_board.Output.IsOn);
        Assert.Equal(["off"], _board.States);
    }

    [Fact]
    public void Lets_a_command_that_arrives_before_the_retained_state_win()
    {
        // Arrange
        _board.RunFor(0);

        // Act
        _board.Mqtt.Deliver("led", "on");
        _board.Mqtt.DeliverInFlight(_board.Topics.LedState, "off");
        _board.RunFor(LedDevice.RestoreWindowMilliseconds);

        // Assert
        Assert.True(_board.Output.IsOn);
        Assert.Equal(["on"], _board.States);
    }

    [Fact]
    public void Ignores_its_own_state_messages_once_restored()
    {
        // Arrange
        _board.StartAndSettle();

        // Act
        _board.Mqtt.DeliverInFlight(_board.Topics.LedState, "on");

        // Assert
        Assert.False(_board.Output.IsOn);
        Assert.Equal(["off"], _board.States);
    }

    [Theory]
    [InlineData("led", "on", true, "on")]
    [InlineData("led", "1", true, "on")]
    [InlineData("led", "{\"state\":\"on\"}", true, "on")]
    [InlineData("esp32/esp32-a1b2c3/led", "TRUE", true, "on")]
    [InlineData("led", "off", false, "off")]
    [InlineData("esp32/esp32-a1b2c3/led", "toggle", true, "on")]
    public void Drives_the_led_and_reports_the_new_state_for_commands_on_either_topic(string topic, string payload, bool expectedOn, string expectedState)
    {
        // Arrange
        _board.StartAndSettle();

        // Act
        _board.Mqtt.Deliver(topic, payload);

        // Assert
        Assert.Equal(expectedOn, _board.Output.IsOn);
        Assert.Equal(new PublishedMessage(_board.Topics.LedState, expectedState, true), _board.Mqtt.Published[^1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?")]
    [InlineData(" ? ")]
    public void Republishes_the_current_state_for_a_query(string payload)
    {
        // Arrange
        _board.StartAndSettle();
        _board.Mqtt.Deliver("led", "on");

        // Act
        _board.Mqtt.Deliver("led", payload);

        // Assert
        Assert.Equal(["off", "on", "on"], _board.States);
        Assert.True(_board.Output.IsOn);
    }

    [Theory]
    [InlineData("blnk", "unknown command \"blnk\": use on, off, toggle, blink [count] [interval_ms] or ?")]
    [InlineData("blink 0", "blink count must be a whole number from 1 to 100, got \"0\"")]
    [InlineData("{\"state\":\"maybe\"}", "\"state\" must be \"on\", \"off\" or \"toggle\", got \"maybe\"")]
    public void Publishes_one_error_line_and_leaves_the_led_alone_for_a_bad_command(string payload, string expectedError)
    {
        // Arrange
        _board.StartAndSettle();
        _board.Mqtt.Deliver("led", "on");
        int writes = _board.Output.Writes.Count;

        // Act
        _board.Mqtt.Deliver("led", payload);

        // Assert
        Assert.Equal(new PublishedMessage(_board.Topics.Error, expectedError, false), _board.Mqtt.Published[^1]);
        Assert.Equal(writes, _board.Output.Writes.Count);
        Assert.Equal(["off", "on"], _board.States);
    }

    [Fact]
    public void Reports_blinking_while_a_blink_runs_then_the_state_it_returned_to()
    {
        // Arrange
        _board.StartAndSettle();

        // Act
        _board.Mqtt.Deliver("led", "blink 3 250");
        List<string> duringBlink = _board.States;
        _board.RunFor(1500);

        // Assert
        Assert.Equal(["off", "blinking"], duringBlink);
        Assert.Equal(["off", "blinking", "off"], _board.States);
        Assert.False(_board.Output.IsOn);
    }

    [Fact]
    public void Cancels_a_blink_for_a_new_command_and_reports_only_the_new_state()
    {
        // Arrange
        _board.StartAndSettle();
        _board.Mqtt.Deliver("led", "blink 10 100");

        // Act
        _board.Mqtt.Deliver("led", "on");
        _board.RunFor(5000);

        // Assert
        Assert.Equal(["off", "blinking", "on"], _board.States);
        Assert.True(_board.Output.IsOn);
    }

    [Fact]
    public void Answers_a_query_during_a_blink_with_blinking_without_cancelling_it()
    {
        // Arrange
        _board.StartAndSettle();
        _board.Mqtt.Deliver("led", "blink 2 100");

        // Act
        _board.Mqtt.Deliver("led", "?");
        _board.RunFor(400);

        // Assert
        Assert.Equal(["off", "blinking", "blinking", "off"], _board.States);
    }

    [Fact]
    public void Publishes_telemetry_on_connect_and_then_every_period()
    {
        // Arrange
        _board.RunFor(0);
        long connectedAt = _board.Clock.NowMilliseconds;

        // Act
        _board.RunFor((2 * FakeBoard.TelemetryPeriodMilliseconds) + 1);

        // Assert
        List<PublishedMessage> telemetry = _board.Mqtt.Published.Where(message => message.Topic == _board.Topics.Telemetry).ToList();
        Assert.Equal(3, telemetry.Count);
        Assert.All(telemetry, message => Assert.False(message.Retain));
        long uptime = (connectedAt + (2 * FakeBoard.TelemetryPeriodMilliseconds)) / 1000;
        Assert.Equal(
            "{\"uptime_s\":" + uptime + ",\"free_heap_bytes\":81234,\"wifi_rssi_dbm\":-61,\"ip\":\"192.168.1.50\",\"firmware\":\"" + FirmwareInfo.Version + "\"}",
            telemetry[2].Payload);
    }

    [Fact]
    public void Resubscribes_and_republishes_status_and_state_after_a_reconnect()
    {
        // Arrange
        _board.StartAndSettle();
        _board.Mqtt.Deliver("led", "on");

        // Act
        _board.Mqtt.Drop();
        _board.RunFor(30_000);

        // Assert
        Assert.Equal(2, _board.Mqtt.ConnectRequests.Count);
        Assert.Equivalent(new[] { "led", "esp32/esp32-a1b2c3/led" }, _board.Mqtt.Subscriptions, strict: true);
        Assert.Equal(["online", "online"], _board.Mqtt.PayloadsOn(_board.Topics.Status));
        Assert.Equal(["off", "on", "on"], _board.States);
        Assert.True(_board.Output.IsOn);
    }

    [Fact]
    public void Finishes_a_blink_while_disconnected_without_publishing_and_reports_the_state_after_reconnecting()
    {
        // Arrange
        _board.StartAndSettle();
        _board.Mqtt.Deliver("led", "blink 3 250");

        // Act
        _board.Mqtt.Drop();
        _board.RunFor(200);
        bool reconnectedBeforeBlinkEnded = _board.Mqtt.IsConnected;
        _board.Mqtt.ScriptConnectResults(MqttConnectResult.Unreachable("connection refused"));
        _board.RunFor(30_000);

        // Assert
        Assert.False(reconnectedBeforeBlinkEnded);
        Assert.False(_board.Output.IsOn);
        Assert.False(_board.Led.IsBlinking);
        Assert.Equal(["off", "blinking", "off"], _board.States);
        Assert.Equal(0, _board.Mqtt.PublishesRefused);
    }

    [Fact]
    public void Publishes_offline_then_disconnects_on_shutdown()
    {
        // Arrange
        _board.StartAndSettle();

        // Act
        _board.Device.Shutdown();

        // Assert
        Assert.Equal(new PublishedMessage(_board.Topics.Status, "offline", true), _board.Mqtt.Published[^1]);
        Assert.Equal(1, _board.Mqtt.Disconnects);
        Assert.False(_board.Mqtt.IsConnected);
    }

    [Fact]
    public void Publishes_its_home_assistant_configuration_retained_on_every_connection()
    {
        // Arrange
        _board.StartAndSettle();
        _board.Mqtt.Drop();

        // Act
        _board.RunFor(30_000);

        // Assert
        List<int> published = Enumerable.Range(0, _board.Mqtt.Published.Count)
            .Where(index => _board.Mqtt.Published[index].Topic == "homeassistant/light/esp32-a1b2c3/config")
            .ToList();
        Assert.Equal(2, published.Count);
        Assert.All(published, index => Assert.True(_board.Mqtt.Published[index].Retain));
        Assert.Same(_board.Mqtt.PublishedArrays[published[0]], _board.Mqtt.PublishedArrays[published[1]]);
    }
}
