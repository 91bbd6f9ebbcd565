using Microsoft.Extensions.Configuration;

namespace Esp32Client.Simulator.Tests.Simulator;

public sealed class SimulatorOptionsTests
{
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
}
