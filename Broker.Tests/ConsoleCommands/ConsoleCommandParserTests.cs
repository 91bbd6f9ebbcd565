using Esp32Mqtt.Broker.ConsoleCommands;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.ConsoleCommands;

public sealed class ConsoleCommandParserTests
{
    public static TheoryData<string, ConsoleCommand> ValidLines => new()
    {
        { "led on", new PublishCommand("led", "on", false, MqttQualityOfServiceLevel.AtMostOnce) },
        { "  led   on  ", new PublishCommand("led", "on", false, MqttQualityOfServiceLevel.AtMostOnce) },
        { "greeting hello  world", new PublishCommand("greeting", "hello  world", false, MqttQualityOfServiceLevel.AtMostOnce) },
        { "led on --retain", new PublishCommand("led", "on", true, MqttQualityOfServiceLevel.AtMostOnce) },
        { "pub led on", new PublishCommand("led", "on", false, MqttQualityOfServiceLevel.AtMostOnce) },
        { "PUB led on", new PublishCommand("led", "on", false, MqttQualityOfServiceLevel.AtMostOnce) },
        { "pub led on --retain", new PublishCommand("led", "on", true, MqttQualityOfServiceLevel.AtMostOnce) },
        { "pub led on --qos 1", new PublishCommand("led", "on", false, MqttQualityOfServiceLevel.AtLeastOnce) },
        { "pub led on --retain --qos 1", new PublishCommand("led", "on", true, MqttQualityOfServiceLevel.AtLeastOnce) },
        { "pub led on --qos 0 --retain", new PublishCommand("led", "on", true, MqttQualityOfServiceLevel.AtMostOnce) },
        { "pub led \"\" --retain", new PublishCommand("led", string.Empty, true, MqttQualityOfServiceLevel.AtMostOnce) },
        { "pub led \"--retain\"", new PublishCommand("led", "--retain", false, MqttQualityOfServiceLevel.AtMostOnce) },
        { "pub led \"  spaced  \"", new PublishCommand("led", "  spaced  ", false, MqttQualityOfServiceLevel.AtMostOnce) },
        { "esp32/esp32-a1/led {\"state\": \"on\"}", new PublishCommand("esp32/esp32-a1/led", "{\"state\": \"on\"}", false, MqttQualityOfServiceLevel.AtMostOnce) },
        { "pub clients x", new PublishCommand("clients", "x", false, MqttQualityOfServiceLevel.AtMostOnce) },
        { "pub pub x", new PublishCommand("pub", "x", false, MqttQualityOfServiceLevel.AtMostOnce) },
        { "help", new ShowCommand(ShowTarget.Help) },
        { "?", new ShowCommand(ShowTarget.Help) },
        { "clients", new ShowCommand(ShowTarget.Clients) },
        { "Subs", new ShowCommand(ShowTarget.Subscriptions) },
        { "retained", new ShowCommand(ShowTarget.Retained) },
    };

    public static TheoryData<string, string> InvalidLines => new()
    {
        { "led", "'led' is not a command; to publish, type a topic and a payload, such as: led on" },
        { "pub", "publishing needs a topic and a payload" },
        { "pub led", "publishing needs a topic and a payload" },
        { "pub led --retain", "publishing needs a topic and a payload" },
        { "pub led on --qos", "--qos must be followed by 0 or 1" },
        { "pub led on --qos 2", "--qos must be followed by 0 or 1" },
        { "pub led on --qos x", "--qos must be followed by 0 or 1" },
        { "pub led on --force", "unknown option '--force'" },
        { "led/# on", "the topic 'led/#' contains a wildcard (+ or #); wildcards are only for subscribing" },
        { "esp32/+/led on", "the topic 'esp32/+/led' contains a wildcard (+ or #)" },
        { "pub --retain led on", "options go after the payload, such as: pub led on --retain" },
        { "clients now", "'clients' takes nothing after it" },
        { "help me", "'help' takes nothing after it" },
    };

    [Theory]
    [MemberData(nameof(ValidLines))]
    public void Parses_a_valid_line(string line, ConsoleCommand expected)
    {
        // Act
        ConsoleParseResult result = ConsoleCommandParser.Parse(line);

        // Assert
        Assert.Null(result.Error);
        Assert.Equal(expected, result.Command);
    }

    [Theory]
    [MemberData(nameof(InvalidLines))]
    public void Explains_a_bad_line_and_gives_no_command(string line, string expectedError)
    {
        // Act
        ConsoleParseResult result = ConsoleCommandParser.Parse(line);

        // Assert
        Assert.Null(result.Command);
        Assert.StartsWith(expectedError, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void Ignores_a_blank_line(string line)
    {
        // Act
        ConsoleParseResult result = ConsoleCommandParser.Parse(line);

        // Assert
        Assert.Equal(ConsoleParseResult.Nothing, result);
    }
}
