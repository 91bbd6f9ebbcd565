using Esp32Mqtt.Broker.Dashboard.Publishing;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Publishing;

public sealed class PublishCheckTests
{
    private const int MaxPayloadBytes = 16;

    [Theory]
    [InlineData("led")]
    [InlineData("esp32/kitchen/led")]
    [InlineData("/led/")]
    [InlineData("$custom/topic")]
    public void Accepts_a_topic_without_wildcards(string topic)
    {
        // Act
        IReadOnlyDictionary<string, string[]> problems = PublishCheck.FindProblems(new PublishRequest(topic, "on", 0, false), MaxPayloadBytes);

        // Assert
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("", "The topic is empty; a message needs a topic, such as led.")]
    [InlineData(null, "The topic is empty; a message needs a topic, such as led.")]
    [InlineData("led/#", "The topic 'led/#' contains a wildcard (+ or #); wildcards are only for subscribing.")]
    [InlineData("esp32/+/led", "The topic 'esp32/+/led' contains a wildcard (+ or #); wildcards are only for subscribing.")]
    [InlineData("led\0", "The topic contains the character U+0000, which MQTT does not allow.")]
    public void Refuses_a_topic_mqtt_does_not_allow_with_the_reason(string? topic, string expected)
    {
        // Act
        IReadOnlyDictionary<string, string[]> problems = PublishCheck.FindProblems(new PublishRequest(topic, "on", 0, false), MaxPayloadBytes);

        // Assert
        KeyValuePair<string, string[]> problem = Assert.Single(problems);
        Assert.Equal(PublishCheck.TopicField, problem.Key);
        Assert.Equal([expected], problem.Value);
    }

    [Fact]
    public void Refuses_a_topic_longer_than_mqtt_can_carry()
    {
        // Act
        IReadOnlyDictionary<string, string[]> problems = PublishCheck.FindProblems(new PublishRequest(new string('a', 65_536), "on", 0, false), MaxPayloadBytes);

        // Assert
        Assert.Equal(["The topic is 65,536 bytes long; MQTT allows at most 65,535."], problems[PublishCheck.TopicField]);
    }

    [Theory]
    [InlineData("0123456789abcdef", true)]
    [InlineData("0123456789abcdefg", false)]
    [InlineData("ééééééééé", false)]
    public void Refuses_a_payload_over_the_brokers_limit_counted_in_utf8_bytes(string payload, bool accepted)
    {
        // Act
        IReadOnlyDictionary<string, string[]> problems = PublishCheck.FindProblems(new PublishRequest("led", payload, 0, false), MaxPayloadBytes);

        // Assert
        Assert.Equal(accepted, !problems.ContainsKey(PublishCheck.PayloadField));
    }

    [Fact]
    public void Says_how_big_the_payload_is_and_what_the_limit_is()
    {
        // Act
        IReadOnlyDictionary<string, string[]> problems = PublishCheck.FindProblems(new PublishRequest("led", new string('x', 2_000), 0, false), 1_024);

        // Assert
        Assert.Equal(["The payload is 2,000 bytes; the broker accepts at most 1,024 (Broker:MaxPayloadBytes)."], problems[PublishCheck.PayloadField]);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(-1, false)]
    public void Offers_qos_0_and_1(int qualityOfService, bool accepted)
    {
        // Act
        IReadOnlyDictionary<string, string[]> problems = PublishCheck.FindProblems(new PublishRequest("led", "on", qualityOfService, false), MaxPayloadBytes);

        // Assert
        Assert.Equal(accepted, problems.Count == 0);
    }
}
