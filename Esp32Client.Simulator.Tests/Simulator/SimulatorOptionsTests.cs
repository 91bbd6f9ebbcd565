using Esp32Client.Core;
using Microsoft.Extensions.Configuration;

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

    [Theory]
    [InlineData("--tls --port 8883", true, 8883)]
    [InlineData("--port 8883 --tls", true, 8883)]
    [InlineData("--tls true --port 8883", true, 8883)]
    [InlineData("--tls false --port 1883", false, 1883)]
    [InlineData("--port 1883", false, 1883)]
    public void Reads_tls_as_a_flag_or_with_a_value(string commandLine, bool expectedTls, int expectedPort)
    {
        // Arrange
        string[] arguments = SimulatorOptions.ExpandFlags(commandLine.Split(' '));

        // Act
        SimulatorOptions options = new ConfigurationBuilder()
            .AddCommandLine(arguments, SimulatorOptions.SwitchMappings)
            .Build()
            .GetSection(SimulatorOptions.Section)
            .Get<SimulatorOptions>()!;

        // Assert
        Assert.Equal(expectedTls, options.Tls);
        Assert.Equal(expectedPort, options.Port);
    }

    [Fact]
    public void Reads_the_ca_file()
    {
        // Arrange
        string[] arguments = SimulatorOptions.ExpandFlags(["--tls", "--ca-file", "data/certificates/ca.crt"]);

        // Act
        SimulatorOptions options = new ConfigurationBuilder()
            .AddCommandLine(arguments, SimulatorOptions.SwitchMappings)
            .Build()
            .GetSection(SimulatorOptions.Section)
            .Get<SimulatorOptions>()!;

        // Assert
        Assert.Equal("data/certificates/ca.crt", options.CaFile);
    }

    [Fact]
    public void Gives_the_board_tls_and_the_ca_certificate_of_the_ca_file()
    {
        // Arrange
        string caFile = Path.GetTempFileName();
        File.WriteAllText(caFile, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        SimulatorOptions options = new() { Broker = "pc", Port = 8883, Tls = true, CaFile = caFile };

        try
        {
            // Act
            BoardSettings settings = options.ToBoardSettings("sim-tls");

            // Assert
            Assert.True(settings.UseTls);
            Assert.Equal(File.ReadAllText(caFile), settings.CaCertificatePem);
        }
        finally
        {
            File.Delete(caFile);
        }
    }
}
