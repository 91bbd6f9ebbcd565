using Esp32Client.Core;

namespace Esp32Client.Tests.Device;

public sealed class DeviceTopicsTests
{
    [Fact]
    public void Names_every_topic_of_the_device_contract()
    {
        // Act
        DeviceTopics topics = new("esp32-a1b2c3");

        // Assert
        Assert.Equal("esp32/esp32-a1b2c3/led", topics.Led);
        Assert.Equal("esp32/esp32-a1b2c3/led/state", topics.LedState);
        Assert.Equal("esp32/esp32-a1b2c3/status", topics.Status);
        Assert.Equal("esp32/esp32-a1b2c3/error", topics.Error);
        Assert.Equal("esp32/esp32-a1b2c3/telemetry", topics.Telemetry);
        Assert.Equal(["led", "esp32/esp32-a1b2c3/led"], topics.Commands);
    }

    [Theory]
    [InlineData("led", true)]
    [InlineData("esp32/esp32-a1b2c3/led", true)]
    [InlineData("esp32/esp32-d4e5f6/led", false)]
    [InlineData("esp32/esp32-a1b2c3/led/state", false)]
    [InlineData("Led", false)]
    public void Knows_which_topics_carry_its_commands(string topic, bool expected)
    {
        // Act
        DeviceTopics topics = new("esp32-a1b2c3");

        // Assert
        Assert.Equal(expected, topics.IsCommandTopic(topic));
    }
}
