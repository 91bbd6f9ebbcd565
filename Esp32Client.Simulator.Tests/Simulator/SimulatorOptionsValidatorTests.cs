using Microsoft.Extensions.Options;

namespace Esp32Client.Simulator.Tests.Simulator;

public sealed class SimulatorOptionsValidatorTests
{
    private readonly SimulatorOptionsValidator _validator = new();

    [Fact]
    public void Accepts_the_defaults()
    {
        // Act
        ValidateOptionsResult result = _validator.Validate(null, new SimulatorOptions());

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("AUTO")]
    public void Accepts_a_broker_name_when_the_broker_is_found_on_the_network(string broker)
    {
        // Arrange
        SimulatorOptions options = new() { Broker = broker, BrokerName = "esp32mqtt on PC" };

        // Act
        bool succeeded = _validator.Validate(null, options).Succeeded;

        // Assert
        Assert.True(succeeded);
        Assert.True(options.FindsBroker);
    }

    public static TheoryData<SimulatorOptions, string> BadOptions => new()
    {
        { new SimulatorOptions { Broker = " " }, "--broker is empty: give the broker's host name or address, e.g. --broker localhost, or leave it out to find the broker on the network." },
        { new SimulatorOptions { Broker = "localhost", BrokerName = "esp32mqtt on PC" }, "--broker-name picks among the brokers found on the network, but --broker localhost names one already: give one or the other." },
        { new SimulatorOptions { Port = 0 }, "--port 0 is not a TCP port: use 1 to 65535 (the broker's default is 1883)." },
        { new SimulatorOptions { Port = 70000 }, "--port 70000 is not a TCP port: use 1 to 65535 (the broker's default is 1883)." },
        { new SimulatorOptions { Id = "kitchen/1" }, "--id 'kitchen/1' cannot go into a topic: use letters, digits, '-' or '_', e.g. --id sim-kitchen." },
        { new SimulatorOptions { Id = "sim+" }, "--id 'sim+' cannot go into a topic: use letters, digits, '-' or '_', e.g. --id sim-kitchen." },
        { new SimulatorOptions { Id = "my sim" }, "--id 'my sim' cannot go into a topic: use letters, digits, '-' or '_', e.g. --id sim-kitchen." },
        { new SimulatorOptions { Password = "secret" }, "--password was given without --username: MQTT sends a password only with a user name." },
        { new SimulatorOptions { TelemetrySeconds = 0 }, "--telemetry-seconds 0 must be at least 1." },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Names_the_switch_the_value_and_what_is_allowed(SimulatorOptions options, string expected)
    {
        // Act
        ValidateOptionsResult result = _validator.Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Equal([expected], result.Failures);
    }
}
