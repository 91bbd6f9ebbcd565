using System.Text.Json;
using Esp32Mqtt.TestSupport;

namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>
/// A running simulated board announces itself to Home Assistant: its configuration is retained on the broker, so a
/// Home Assistant that subscribes later still finds it, and it names the board's own topics.
/// </summary>
public sealed class HomeAssistantDiscoveryTests
{
    [SkippableTheory]
    [InlineData(BrokerKind.Ours)]
    [InlineData(BrokerKind.Mosquitto)]
    public async Task Leaves_its_light_configuration_retained_on_the_broker(BrokerKind kind)
    {
        // Arrange
        using BrokerUnderTest broker = await BrokerUnderTest.StartAsync(kind);
        using SimulatorProcess board = await SimulatorProcess.StartAsync(broker.Port, "sim-ha-" + (kind == BrokerKind.Ours ? "ours" : "mosquitto"));
        string configTopic = "homeassistant/light/" + board.Id + "/config";
        await using (TopicWatcher published = await TopicWatcher.StartAsync(broker.Port, "homeassistant/#"))
        {
            await published.WaitForTopicAsync(configTopic);
        }

        // Act: subscribe as a Home Assistant that starts later does.
        await using TopicWatcher homeAssistant = await TopicWatcher.StartAsync(broker.Port, "homeassistant/#");
        ReceivedMessage config = await homeAssistant.WaitForTopicAsync(configTopic);

        // Assert
        Assert.True(config.Retain, "the configuration was not retained");
        using JsonDocument document = JsonDocument.Parse(config.Payload);
        JsonElement root = document.RootElement;
        Assert.Equal(board.Topics.Led, root.GetProperty("command_topic").GetString());
        Assert.Equal(board.Topics.LedState, root.GetProperty("state_topic").GetString());
        Assert.Equal(board.Topics.Status, root.GetProperty("availability_topic").GetString());
        Assert.Equal(board.Id, root.GetProperty("device").GetProperty("identifiers")[0].GetString());
    }

    [Fact]
    public async Task Says_in_its_boot_report_that_discovery_is_off_when_told_so()
    {
        // Arrange
        using BrokerUnderTest broker = await BrokerUnderTest.StartAsync(BrokerKind.Ours);
        using SimulatorProcess board = SimulatorProcess.Launch(broker.Port, "sim-ha-off", "--home-assistant-discovery", "false");

        // Act
        await board.WaitForConnectionsAsync(1);

        // Assert
        Assert.Contains(board.Process.OutputLines, line => line.EndsWith("  Home Assistant discovery: off", StringComparison.Ordinal));
    }
}
