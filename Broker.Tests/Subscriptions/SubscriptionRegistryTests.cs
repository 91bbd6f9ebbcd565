using Esp32Mqtt.Broker.Subscriptions;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Subscriptions;

public sealed class SubscriptionRegistryTests
{
    [Fact]
    public void Finds_every_client_whose_filter_matches_once_each()
    {
        // Arrange
        SubscriptionRegistry registry = new();
        registry.Add(Subscribe("esp32-a", "led"));
        registry.Add(Subscribe("esp32-b", "+"));
        registry.Add(Subscribe("esp32-b", "#"));
        registry.Add(Subscribe("phone", "weather/#"));

        // Act
        IReadOnlyList<string> recipients = registry.FindRecipients("led", "console");

        // Assert
        Assert.Equal(["esp32-a", "esp32-b"], recipients);
    }

    [Fact]
    public void Leaves_out_the_sender_of_a_no_local_subscription()
    {
        // Arrange
        SubscriptionRegistry registry = new();
        registry.Add(new Subscription("esp32-a", "led", MqttQualityOfServiceLevel.AtMostOnce, NoLocal: true));
        registry.Add(Subscribe("esp32-b", "led"));

        // Act
        IReadOnlyList<string> recipients = registry.FindRecipients("led", "esp32-a");

        // Assert
        Assert.Equal(["esp32-b"], recipients);
    }

    [Fact]
    public void Replaces_a_subscription_to_the_same_filter()
    {
        // Arrange
        SubscriptionRegistry registry = new();
        registry.Add(Subscribe("esp32-a", "led"));

        // Act
        registry.Add(Subscribe("esp32-a", "led", MqttQualityOfServiceLevel.AtLeastOnce));

        // Assert
        Subscription subscription = Assert.Single(registry.Snapshot);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, subscription.QualityOfService);
    }

    [Fact]
    public void Forgets_one_filter_or_a_whole_client()
    {
        // Arrange
        SubscriptionRegistry registry = new();
        registry.Add(Subscribe("esp32-a", "led"));
        registry.Add(Subscribe("esp32-a", "state"));
        registry.Add(Subscribe("esp32-b", "led"));

        // Act
        registry.Remove("esp32-b", "led");
        registry.RemoveClient("esp32-a");

        // Assert
        Assert.Empty(registry.Snapshot);
        Assert.Empty(registry.FindRecipients("led", null));
    }

    private static Subscription Subscribe(string clientId, string filter, MqttQualityOfServiceLevel qualityOfService = MqttQualityOfServiceLevel.AtMostOnce)
    {
        return new Subscription(clientId, filter, qualityOfService, NoLocal: false);
    }
}
