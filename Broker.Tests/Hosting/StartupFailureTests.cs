using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Hosting;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Tests.Hosting;

public sealed class StartupFailureTests
{
    [Fact]
    public void Passes_a_broker_startup_message_through_unchanged()
    {
        // Arrange
        BrokerStartupException exception = new("Cannot listen on port 1883: another program is already using it.");

        // Act
        bool explained = StartupFailure.TryExplain(new AggregateException(exception), out IReadOnlyList<string>? lines);

        // Assert
        Assert.True(explained);
        Assert.Equal(["Cannot listen on port 1883: another program is already using it."], lines);
    }

    [Fact]
    public void Gives_one_line_per_invalid_setting_with_where_to_change_it()
    {
        // Arrange
        OptionsValidationException exception = new(Options.DefaultName, typeof(BrokerOptions), ["Broker:Port is 70000; allowed: 0 to 65535 (0 picks any free port)"]);

        // Act
        StartupFailure.TryExplain(exception, out IReadOnlyList<string>? lines);

        // Assert
        Assert.Equal(
            ["Invalid setting: Broker:Port is 70000; allowed: 0 to 65535 (0 picks any free port). Change it in Broker/appsettings.json, the environment variable Broker__Port, or the command line (--Broker:Port=...)."],
            lines);
    }

    [Fact]
    public void Explains_a_value_of_the_wrong_type()
    {
        // Arrange
        InvalidOperationException exception = new("Failed to convert configuration value 'abc' at 'Broker:Port' to type 'System.Int32'.");

        // Act
        StartupFailure.TryExplain(exception, out IReadOnlyList<string>? lines);

        // Assert
        Assert.Equal(
            ["Invalid setting: Broker:Port is 'abc', which is not a whole number. Change it in Broker/appsettings.json, the environment variable Broker__Port, or the command line (--Broker:Port=...)."],
            lines);
    }

    [Fact]
    public void Names_the_tls_section_and_its_settings_for_an_unknown_tls_setting()
    {
        // Arrange: Microsoft.Extensions.Configuration.Binder's message with ErrorOnUnknownConfiguration.
        InvalidOperationException exception = new("'ErrorOnUnknownConfiguration' was set on the provided BinderOptions, but the following properties were not found on the instance of Esp32Mqtt.Broker.Tls.TlsOptions: 'Certificate'");

        // Act
        StartupFailure.TryExplain(exception, out IReadOnlyList<string>? lines);

        // Assert
        Assert.Equal(["Unknown setting Broker:Tls:Certificate (a typo?). The settings in the \"Broker:Tls\" section are: Enabled, Port, CertificateFile, KeyFile."], lines);
    }

    [Fact]
    public void Leaves_an_unexpected_exception_unexplained()
    {
        // Act
        bool explained = StartupFailure.TryExplain(new NullReferenceException(), out IReadOnlyList<string>? lines);

        // Assert
        Assert.False(explained);
        Assert.Null(lines);
    }
}
