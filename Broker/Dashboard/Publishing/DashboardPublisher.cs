using System.Text;
using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Subscriptions;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Dashboard.Publishing;

/// <summary>
/// Publishes for the dashboard, through MQTTnet's routing like the console does, so the message is delivered, logged and
/// drawn like any other; its sender is <see cref="SenderId"/>.
/// </summary>
public sealed class DashboardPublisher
{
    /// <summary>The sender id of messages published from the dashboard.</summary>
    public const string SenderId = "dashboard";

    private readonly BrokerServer _broker;
    private readonly SubscriptionRegistry _registry;

    /// <summary>Publishes into <paramref name="broker"/>; <paramref name="registry"/> says who received it.</summary>
    public DashboardPublisher(BrokerServer broker, SubscriptionRegistry registry)
    {
        _broker = broker;
        _registry = registry;
    }

    /// <summary>Publishes a checked request (<see cref="PublishCheck"/>) and returns how many clients it was delivered to.</summary>
    public async Task<int> PublishAsync(PublishRequest request)
    {
        string topic = request.Topic!;
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(request.Payload ?? string.Empty))
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)request.QualityOfService)
            .WithRetainFlag(request.Retain)
            .Build();
        await _broker.Server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = SenderId }).ConfigureAwait(false);
        return _registry.FindRecipients(topic, SenderId).Count;
    }

    /// <summary>Clears the retained message on <paramref name="topic"/>, the MQTT way: an empty retained publish.</summary>
    public Task ClearRetainedAsync(string topic)
    {
        return PublishAsync(new PublishRequest(topic, string.Empty, 0, Retain: true));
    }

    /// <summary>Clears every retained message.</summary>
    public Task ClearAllRetainedAsync()
    {
        return _broker.Server.DeleteRetainedMessagesAsync();
    }
}
