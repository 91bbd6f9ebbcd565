using System.Text.Json;
using Esp32Client.Core;

namespace Esp32Client.Tests.Device;

public sealed class HomeAssistantDiscoveryMessageTests
{
    // M2Mqtt builds a PUBLISH in one array (NANOFRAMEWORK.md, "The heap is small"): a kilobyte is about 1% of the
    // heap a board has free while connected.
    private const int MaximumPayloadBytes = 1024;

    [Theory]
    [InlineData("esp32-a1b2c3")]
    [InlineData("sim-kitchen")]
    public void Configures_a_light_on_the_boards_own_topics(string deviceId)
    {
        // Arrange
        DeviceTopics topics = new(deviceId);

        // Act
        HomeAssistantDiscoveryMessage message = new(topics, "1.1.0");

        // Assert
        Assert.Equal("homeassistant/light/" + deviceId + "/config", message.Topic);
        using JsonDocument document = JsonDocument.Parse(message.Payload);
        JsonElement config = document.RootElement;
        Assert.Equal("esp32/" + deviceId + "/led", config.GetProperty("command_topic").GetString());
        Assert.Equal("esp32/" + deviceId + "/led/state", config.GetProperty("state_topic").GetString());
        Assert.Equal("esp32/" + deviceId + "/status", config.GetProperty("availability_topic").GetString());
        Assert.Equal(("on", "off"), (config.GetProperty("payload_on").GetString(), config.GetProperty("payload_off").GetString()));
        Assert.Equal(("online", "offline"), (config.GetProperty("payload_available").GetString(), config.GetProperty("payload_not_available").GetString()));
        Assert.Equal(deviceId + "_led", config.GetProperty("unique_id").GetString());
    }

    [Fact]
    public void Describes_the_device_with_its_id_model_and_firmware_version()
    {
        // Act
        HomeAssistantDiscoveryMessage message = new(new DeviceTopics("esp32-a1b2c3"), "1.1.0");

        // Assert
        using JsonDocument document = JsonDocument.Parse(message.Payload);
        JsonElement device = document.RootElement.GetProperty("device");
        Assert.Equal(["esp32-a1b2c3"], device.GetProperty("identifiers").EnumerateArray().Select(identifier => identifier.GetString()));
        Assert.Equal("esp32-a1b2c3", device.GetProperty("name").GetString());
        Assert.Equal(HomeAssistantDiscoveryMessage.Model, device.GetProperty("model").GetString());
        Assert.Equal("1.1.0", device.GetProperty("sw_version").GetString());
    }

    [Fact]
    public void Fits_in_a_kilobyte_for_the_longest_id_the_board_makes()
    {
        // Act
        HomeAssistantDiscoveryMessage message = new(new DeviceTopics(DeviceId.FromMacAddress([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])), FirmwareInfo.Version);

        // Assert
        Assert.InRange(message.Payload.Length, 1, MaximumPayloadBytes);
    }
}
