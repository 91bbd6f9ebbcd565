using Esp32Mqtt.Broker.Subscriptions;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Subscriptions;

public sealed class NearMissFinderTests
{
    [Theory]
    [InlineData("Led", "led")]
    [InlineData("LED", "led")]
    [InlineData("/led", "led")]
    [InlineData("led/", "led")]
    [InlineData("lde", "led")]
    [InlineData("leds", "led")]
    [InlineData("lad", "led")]
    [InlineData("esp32/led", "esp32/led/")]
    public void Suggests_the_subscription_one_slip_away(string topic, string subscribed)
    {
        // Arrange
        Subscription[] subscriptions = [Subscribe("esp32-a", subscribed), Subscribe("esp32-b", subscribed), Subscribe("phone", "weather")];

        // Act
        NearMiss? nearMiss = NearMissFinder.Find(topic, subscriptions);

        // Assert
        Assert.Equal(new NearMiss(subscribed, 2), nearMiss);
    }

    [Theory]
    [InlineData("lamp")]
    [InlineData("led/kitchen")]
    [InlineData("x")]
    [InlineData("ab")]
    public void Suggests_nothing_when_no_subscription_is_near(string topic)
    {
        // Arrange
        Subscription[] subscriptions = [Subscribe("esp32-a", "led"), Subscribe("esp32-b", "ax")];

        // Act
        NearMiss? nearMiss = NearMissFinder.Find(topic, subscriptions);

        // Assert
        Assert.Null(nearMiss);
    }

    [Fact]
    public void Prefers_a_case_slip_to_a_typo()
    {
        // Arrange
        Subscription[] subscriptions = [Subscribe("a", "lex"), Subscribe("b", "lex"), Subscribe("c", "led")];

        // Act
        NearMiss? nearMiss = NearMissFinder.Find("LED", subscriptions);

        // Assert
        Assert.Equal(new NearMiss("led", 1), nearMiss);
    }

    [Fact]
    public void Counts_each_client_once_per_filter()
    {
        // Arrange
        Subscription[] subscriptions = [Subscribe("esp32-a", "led"), Subscribe("esp32-a", "led", MqttQualityOfServiceLevel.AtLeastOnce)];

        // Act
        NearMiss? nearMiss = NearMissFinder.Find("Led", subscriptions);

        // Assert
        Assert.Equal(new NearMiss("led", 1), nearMiss);
    }

    [Theory]
    [InlineData("led", "led", true)]
    [InlineData("led", "lde", true)]
    [InlineData("led", "eld", true)]
    [InlineData("led", "lead", true)]
    [InlineData("lead", "led", true)]
    [InlineData("led", "ed", true)]
    [InlineData("led", "lex", true)]
    [InlineData("led", "dle", false)]
    [InlineData("led", "l", false)]
    [InlineData("led", "lamp", false)]
    public void Counts_one_edit_including_a_transposition(string first, string second, bool expected)
    {
        // Act
        bool oneEdit = NearMissFinder.IsOneEditApart(first, second);

        // Assert
        Assert.Equal(expected, oneEdit);
    }

    private static Subscription Subscribe(string clientId, string filter, MqttQualityOfServiceLevel qualityOfService = MqttQualityOfServiceLevel.AtMostOnce)
    {
        return new Subscription(clientId, filter, qualityOfService, NoLocal: false);
    }
}
