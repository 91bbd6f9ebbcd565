using Esp32Mqtt.Broker.Configuration;
using Microsoft.Extensions.Configuration;

namespace Esp32Mqtt.Broker.Tests.Configuration;

public sealed class CommandLineSwitchesTests
{
    [Theory]
    [InlineData("--port 1884")]
    [InlineData("--port=1884")]
    [InlineData("--Broker:Port=1884")]
    [InlineData("--Broker:Port 1884")]
    public void Sets_the_port_from_the_short_and_the_standard_switch(string commandLine)
    {
        // Arrange
        IConfiguration configuration = new ConfigurationBuilder().AddCommandLine(commandLine.Split(' '), CommandLineSwitches.Mappings).Build();

        // Act
        BrokerOptions options = configuration.GetSection(BrokerOptions.SectionName).Get<BrokerOptions>()!;

        // Assert
        Assert.Equal(1884, options.Port);
    }

    [Fact]
    public void Sets_the_tls_port_from_its_short_switch()
    {
        // Arrange
        IConfiguration configuration = new ConfigurationBuilder().AddCommandLine(["--tls-port", "8884"], CommandLineSwitches.Mappings).Build();

        // Act
        BrokerOptions options = configuration.GetSection(BrokerOptions.SectionName).Get<BrokerOptions>()!;

        // Assert
        Assert.Equal(8884, options.Tls.Port);
    }

    [Fact]
    public void Sets_the_dashboard_port_and_switches_the_dashboard_off_with_short_switches()
    {
        // Arrange
        IConfiguration configuration = new ConfigurationBuilder().AddCommandLine(["--dashboard-port", "8081", "--dashboard", "false"], CommandLineSwitches.Mappings).Build();

        // Act
        BrokerOptions options = configuration.GetSection(BrokerOptions.SectionName).Get<BrokerOptions>()!;

        // Assert
        Assert.Equal((8081, false), (options.DashboardPort, options.DashboardEnabled));
    }

    [Fact]
    public void Sets_the_data_directory_from_the_standard_switch()
    {
        // Arrange
        IConfiguration configuration = new ConfigurationBuilder().AddCommandLine(["--Broker:DataDirectory=/some/dir"], CommandLineSwitches.Mappings).Build();

        // Act
        BrokerOptions options = configuration.GetSection(BrokerOptions.SectionName).Get<BrokerOptions>()!;

        // Assert
        Assert.Equal("/some/dir", options.DataDirectory);
    }

    [Fact]
    public void Lets_the_command_line_override_environment_variables()
    {
        // Arrange
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Broker:Port"] = "1885" })
            .AddCommandLine(["--port", "1884"], CommandLineSwitches.Mappings)
            .Build();

        // Act
        BrokerOptions options = configuration.GetSection(BrokerOptions.SectionName).Get<BrokerOptions>()!;

        // Assert
        Assert.Equal(1884, options.Port);
    }
}
