using Esp32Client.Simulator.Hosting;

namespace Esp32Client.Simulator.Tests.Simulator;

public sealed class PublishHintTests
{
    [Fact]
    public void Names_the_broker_and_port_the_board_uses()
    {
        // Arrange
        SimulatorOptions settings = new() { Broker = "192.168.1.20", Port = 1884 };

        // Act
        string hint = PublishHint.For(settings);

        // Assert
        Assert.Equal("Try: mosquitto_pub -h 192.168.1.20 -p 1884 -t led -m on   (or type 'led on' in the broker's console)", hint);
    }

    [Fact]
    public void Adds_the_user_name_and_a_placeholder_for_the_password_when_the_board_logs_in()
    {
        // Arrange
        SimulatorOptions settings = new() { Broker = "pc", Port = 1883, Username = "esp32", Password = "led-on" };

        // Act
        string hint = PublishHint.For(settings);

        // Assert
        Assert.Equal("Try: mosquitto_pub -h pc -p 1883 -u esp32 -P <password> -t led -m on   (or type 'led on' in the broker's console)", hint);
        Assert.DoesNotContain("led-on", hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Gives_the_command_for_the_brokers_own_pc_when_the_broker_is_found_on_the_network()
    {
        // Arrange
        SimulatorOptions settings = new();

        // Act
        string hint = PublishHint.For(settings);

        // Assert
        Assert.Equal("Try, on the broker's PC: mosquitto_pub -t led -m on   (or type 'led on' in the broker's console)", hint);
    }

    [Theory]
    [InlineData("data/certificates/ca.crt", "Try: mosquitto_pub -h pc -p 8883 --cafile \"data/certificates/ca.crt\" -t led -m on   (or type 'led on' in the broker's console)")]
    [InlineData("", "Try: mosquitto_pub -h pc -p 8883 --tls-use-os-certs -t led -m on   (or type 'led on' in the broker's console)")]
    public void Checks_the_broker_with_the_same_authority_as_the_board_over_tls(string caFile, string expected)
    {
        // Arrange
        SimulatorOptions settings = new() { Broker = "pc", Port = 8883, Tls = true, CaFile = caFile };

        // Act
        string hint = PublishHint.For(settings);

        // Assert
        Assert.Equal(expected, hint);
    }
}
