using Esp32Mqtt.Broker.Events;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Subscriptions;

/// <summary>
/// Refuses each filter of a SUBSCRIBE that breaks <see cref="TopicFilterRules"/> and grants the others: the SUBACK
/// carries 0x8F, Topic Filter invalid, for it (MQTTnet writes 0x80, Failure, to an MQTT 3.1.1 client: MQTT 3.1.1 section
/// 3.9.3), and a <see cref="SubscriptionRefused"/> says why. Mosquitto 2.0 closes the connection instead
/// (handle_subscribe.c), which leaves a learner with no subscription at all and no word of which filter was wrong.
/// </summary>
public sealed class SubscriptionValidator
{
    private readonly TrafficEvents _events;

    /// <summary>Raises refusals on <paramref name="events"/>.</summary>
    public SubscriptionValidator(TrafficEvents events)
    {
        _events = events;
    }

    /// <summary>Checks <paramref name="server"/>'s subscriptions; called once, before it starts.</summary>
    public void Attach(MqttServer server)
    {
        server.InterceptingSubscriptionAsync += OnInterceptingSubscriptionAsync;
    }

    private Task OnInterceptingSubscriptionAsync(InterceptingSubscriptionEventArgs eventArgs)
    {
        string filter = eventArgs.TopicFilter.Topic;
        if (TopicFilterRules.WhyInvalid(filter) is { } reason)
        {
            // A code above GrantedQoS2 makes MQTTnet skip the filter (MqttClientSubscriptionsManager.Subscribe).
            eventArgs.Response.ReasonCode = MqttSubscribeReasonCode.TopicFilterInvalid;
            _events.Raise(new SubscriptionRefused(_events.Now, eventArgs.ClientId, filter ?? string.Empty, reason));
        }

        return Task.CompletedTask;
    }
}
