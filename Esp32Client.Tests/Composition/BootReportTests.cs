using Esp32Client.Core;
using Esp32Client.Tests.TypeCheck;

namespace Esp32Client.Tests.Composition;

public sealed class BootReportTests
{
    [Fact]
    public void Lists_id_firmware_broker_led_topics_keep_alive_and_telemetry_in_one_block()
    {
        // Arrange
        BoardSettings settings = new("esp32-a1b2c3") { BrokerHost = "192.168.1.10" };

        // Act
        string[] lines = BootReport.Lines(settings, new DeviceTopics(settings.DeviceId), new ConnectionPolicy(), null);

        // Assert
        Assert.Equal(
            [
                "Esp32Client " + FirmwareInfo.Version + " on board esp32-a1b2c3",
                "  Broker: 192.168.1.10:1883, no TLS, anonymous",
                "  LED: GPIO 2, on when the pin is high",
                "  Commands on: led, esp32/esp32-a1b2c3/led",
                "  Reports on: esp32/esp32-a1b2c3/status, esp32/esp32-a1b2c3/led/state, esp32/esp32-a1b2c3/error, esp32/esp32-a1b2c3/telemetry",
                "  Keep-alive: 15 s; retries after 1 s doubling to 30 s; reboots after 10 min offline",
                "  Telemetry: every 60 s",
                "  Home Assistant discovery: off",
            ],
            lines);
    }

    [Theory]
    [InlineData(false, "", "", "  Broker: broker.example:8883, no TLS, anonymous")]
    [InlineData(true, "", "", "  Broker: broker.example:8883, TLS checked against the device's own root certificates, anonymous")]
    [InlineData(true, "-----BEGIN CERTIFICATE-----", "", "  Broker: broker.example:8883, TLS checked against the CA certificate in the settings, anonymous")]
    [InlineData(false, "", "esp32", "  Broker: broker.example:8883, no TLS, user esp32")]
    public void Says_how_the_board_reaches_and_logs_in_to_the_broker(bool useTls, string caCertificatePem, string userName, string expectedLine)
    {
        // Arrange
        BoardSettings settings = new("esp32-a1b2c3")
        {
            BrokerHost = "broker.example",
            BrokerPort = 8883,
            UseTls = useTls,
            CaCertificatePem = caCertificatePem,
            UserName = userName,
            Password = "secret",
        };

        // Act
        string[] lines = BootReport.Lines(settings, new DeviceTopics(settings.DeviceId), new ConnectionPolicy(), null);

        // Assert
        Assert.Equal(expectedLine, lines[1]);
        Assert.DoesNotContain(lines, line => line.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_another_pin_and_an_led_that_lights_when_low()
    {
        // Arrange
        BoardSettings settings = new("esp32-a1b2c3") { LedPin = 13, LedActiveLow = true };

        // Act
        string[] lines = BootReport.Lines(settings, new DeviceTopics(settings.DeviceId), new ConnectionPolicy(), null);

        // Assert
        Assert.Equal("  LED: GPIO 13, on when the pin is low", lines[2]);
    }

    [Fact]
    public void Reports_the_timings_the_board_was_given()
    {
        // Arrange
        BoardSettings settings = new("esp32-a1b2c3") { TelemetryPeriodSeconds = 5 };
        ConnectionPolicy policy = new() { OfflineRebootMilliseconds = 3 * ConnectionPolicy.MillisecondsPerMinute };

        // Act
        string[] lines = BootReport.Lines(settings, new DeviceTopics(settings.DeviceId), policy, null);

        // Assert
        Assert.Equal("  Keep-alive: 15 s; retries after 1 s doubling to 30 s; reboots after 3 min offline", lines[5]);
        Assert.Equal("  Telemetry: every 5 s", lines[6]);
    }

    [Theory]
    [InlineData("", "  Broker: found on the network (DNS-SD _mqtt._tcp), no TLS, anonymous")]
    [InlineData("192.168.1.10", "  Broker: 192.168.1.10:1883, no TLS, anonymous")]
    public void Says_where_the_broker_is_or_that_it_is_found_on_the_network(string brokerHost, string expected)
    {
        // Arrange
        BoardSettings settings = new("esp32-a1b2c3") { BrokerHost = brokerHost };

        // Act
        string[] lines = BootReport.Lines(settings, new DeviceTopics(settings.DeviceId), new ConnectionPolicy(), null);

        // Assert
        Assert.Equal(expected, lines[1]);
    }

    [Fact]
    public void Names_the_home_assistant_discovery_topic_when_discovery_is_on()
    {
        // Arrange
        BoardSettings settings = new("esp32-a1b2c3");
        DeviceTopics topics = new(settings.DeviceId);
        HomeAssistantDiscoveryMessage discovery = new(topics, FirmwareInfo.Version);

        // Act
        string[] lines = BootReport.Lines(settings, topics, new ConnectionPolicy(), discovery);

        // Assert
        Assert.Equal("  Home Assistant discovery: homeassistant/light/esp32-a1b2c3/config", lines[^1]);
    }

    [Theory]
    [InlineData("esp32-a1b2c3", "")]
    [InlineData("sim-kitchen", "")]
    public void Appears_in_the_readme_exactly_as_a_board_prints_it(string deviceId, string brokerHost)
    {
        // Arrange
        BoardSettings settings = new(deviceId) { BrokerHost = brokerHost };
        DeviceTopics topics = new(deviceId);
        string[] readme = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, "README.md"));

        // Act
        string[] lines = BootReport.Lines(settings, topics, new ConnectionPolicy(), new HomeAssistantDiscoveryMessage(topics, FirmwareInfo.Version));

        // Assert
        int first = Array.FindIndex(readme, line => line.Trim() == lines[0]);
        Assert.True(first >= 0, $"README.md has no boot report starting '{lines[0]}'");
        string indent = readme[first][..readme[first].IndexOf('E', StringComparison.Ordinal)];
        Assert.Equal(lines.Select(line => indent + line), readme.Skip(first).Take(lines.Length));
    }
}
