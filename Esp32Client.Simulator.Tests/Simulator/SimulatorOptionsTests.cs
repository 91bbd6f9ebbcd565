using Esp32Client.Core;

namespace Esp32Client.Simulator.Tests.Simulator;

public sealed class SimulatorOptionsTests
{
    [Fact]
    public void Gives_the_board_every_option_and_the_boards_defaults_for_the_rest()
    {
        // Arrange
        SimulatorOptions options = new()
        {
            Broker = "broker.lan",
            Port = 1884,
            Username = "esp32",
            Password = "secret",
            TelemetrySeconds = 5,
        };

        // Act
        BoardSettings settings = options.ToBoardSettings("sim-kitchen");

        // Assert
        Assert.Equal("sim-kitchen", settings.DeviceId);
        Assert.Equal(("broker.lan", 1884), (settings.BrokerHost, settings.BrokerPort));
        Assert.Equal(("esp32", "secret"), (settings.UserName, settings.Password));
        Assert.Equal(5, settings.TelemetryPeriodSeconds);
        Assert.Equal(BoardSettings.DefaultOfflineRebootMinutes, settings.OfflineRebootMinutes);
        Assert.Equal(BoardSettings.DefaultLedPin, settings.LedPin);
    }

    [Fact]
    public void Defaults_to_the_boards_port_and_telemetry_period()
    {
        // Arrange
        SimulatorOptions options = new();

        // Act
        BoardSettings settings = options.ToBoardSettings("sim-a1b2c3");

        // Assert
        Assert.Equal(BoardSettings.DefaultBrokerPort, settings.BrokerPort);
        Assert.Equal(BoardSettings.DefaultTelemetryPeriodSeconds, settings.TelemetryPeriodSeconds);
    }
}
