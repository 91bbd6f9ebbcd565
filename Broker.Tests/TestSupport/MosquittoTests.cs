using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Tests.TestSupport;

public sealed class MosquittoTests
{
    private const string MissingProgram = "mosquitto_missing_for_this_test";

    [Fact]
    public void Skips_with_the_install_command_when_a_program_is_missing()
    {
        // Act
        SkipException skip = Assert.Throws<SkipException>(() => Mosquitto.Require(MissingProgram, failInsteadOfSkip: false));

        // Assert
        Assert.Equal($"{MissingProgram} not found: apt-get install mosquitto-clients", skip.Message);
    }

    [Fact]
    public void Fails_instead_of_skipping_in_ci()
    {
        // Act
        InvalidOperationException failure = Assert.Throws<InvalidOperationException>(() => Mosquitto.Require(MissingProgram, failInsteadOfSkip: true));

        // Assert
        Assert.StartsWith($"{MissingProgram} not found: apt-get install mosquitto-clients", failure.Message, StringComparison.Ordinal);
    }
}
