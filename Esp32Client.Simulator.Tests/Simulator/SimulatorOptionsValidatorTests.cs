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
        { new SimulatorOptions { Tls = true }, "--tls needs the broker's address, e.g. --broker localhost: a broker found on the network is reached on its plain MQTT port." },
        { new SimulatorOptions { Broker = "pc", CaFile = "ca.crt" }, "--ca-file was given without --tls: the certificate authority checks the broker only over TLS (add --tls --port 8883)." },
        { new SimulatorOptions { Broker = "pc", Tls = true, CaFile = "no/such/ca.crt" }, "--ca-file no/such/ca.crt does not exist: give the broker's CA certificate (our broker's make-certificates writes data/certificates/ca.crt)." },
    };

    [Fact]
    public void Names_a_ca_file_that_holds_no_certificate()
    {
        // Arrange
        string path = Path.GetTempFileName();
        File.WriteAllText(path, "not a certificate");

        try
        {
            // Act
            ValidateOptionsResult result = _validator.Validate(null, new SimulatorOptions { Broker = "pc", Tls = true, CaFile = path });

            // Assert
            Assert.Equal([$"--ca-file {path} holds no PEM certificate (-----BEGIN CERTIFICATE-----): give the broker's CA certificate."], result.Failures);
        }
        finally
        {
            File.Delete(path);
        }
    }

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
