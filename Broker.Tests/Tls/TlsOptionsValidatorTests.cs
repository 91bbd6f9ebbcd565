using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Tls;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Tests.Tls;

public sealed class TlsOptionsValidatorTests
{
    public static TheoryData<Action<BrokerOptions>, string> InvalidOptions => new()
    {
        { o => o.Tls.Port = -1, "Broker:Tls:Port is -1; allowed: 0 to 65535 (0 picks any free port)" },
        { o => o.Tls.Port = 70_000, "Broker:Tls:Port is 70000; allowed: 0 to 65535 (0 picks any free port)" },
        { o => o.Tls.Port = 1883, "Broker:Tls:Port is 1883, the port of plain MQTT (Broker:Port) too; allowed: another port, usually 8883" },
        { o => o.Tls.KeyFile = "server.key", "Broker:Tls:KeyFile is 'server.key' but Broker:Tls:CertificateFile is empty; allowed: both (a certificate of your own), or neither (the files make-certificates wrote)" },
        { o => o.Tls.CertificateFile = "a\0b", "Broker:Tls:CertificateFile is 'a\0b', which contains characters not allowed in a path" },
    };

    [Fact]
    public void Accepts_the_defaults()
    {
        // Act
        ValidateOptionsResult result = new TlsOptionsValidator().Validate(null, new BrokerOptions());

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Accepts_the_plain_port_when_tls_is_off()
    {
        // Arrange
        BrokerOptions options = new();
        options.Tls.Enabled = false;
        options.Tls.Port = options.Port;

        // Act
        ValidateOptionsResult result = new TlsOptionsValidator().Validate(null, options);

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Names_the_key_the_value_and_what_is_allowed(Action<BrokerOptions> spoil, string expectedMessage)
    {
        // Arrange
        BrokerOptions options = new();
        spoil(options);

        // Act
        ValidateOptionsResult result = new TlsOptionsValidator().Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Equal([expectedMessage], result.Failures);
    }
}
