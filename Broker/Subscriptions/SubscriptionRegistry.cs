using System.Collections.Immutable;
using MQTTnet;

namespace Esp32Mqtt.Broker.Subscriptions;

/// <summary>
/// Who is subscribed to what. MQTTnet 5.2's status API has no subscription list, so this mirrors it from the
/// subscribe, unsubscribe and session events, and matches topics with MQTTnet's own <see cref="MqttTopicFilterComparer"/>
/// and no-local rule (MqttClientSubscriptionsManager.CheckSubscriptions), so its answer is MQTTnet's answer.
/// </summary>
public sealed class SubscriptionRegistry
{
    private readonly object _gate = new();
    private ImmutableArray<Subscription> _subscriptions = [];

    /// <summary>Every subscription, in the order they were made; a snapshot that never changes under the caller.</summary>
    public ImmutableArray<Subscription> Snapshot => _subscriptions;

    /// <summary>Adds a subscription, replacing the client's earlier one on the same filter (as MQTT requires).</summary>
    public void Add(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions
                .RemoveAll(s => s.ClientId == subscription.ClientId && s.TopicFilter == subscription.TopicFilter)
                .Add(subscription);
        }
    }

    /// <summary>Removes one client's subscription to one filter.</summary>
    public void Remove(string clientId, string topicFilter)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.RemoveAll(s => s.ClientId == clientId && s.TopicFilter == topicFilter);
        }
    }

    /// <summary>Removes all of a client's subscriptions, when its session ends.</summary>
    public void RemoveClient(string clientId)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.RemoveAll(s => s.ClientId == clientId);
        }
    }

    /// <summary>The distinct clients a message on <paramref name="topic"/> from <paramref name="senderId"/> is delivered to.</summary>
    public IReadOnlyList<string> FindRecipients(string topic, string? senderId)
    {
        List<string>? recipients = null;
        foreach (Subscription subscription in _subscriptions)
        {
            if (!Receives(subscription, topic, senderId))
            {
                continue;
            }

            recipients ??= [];
            if (!recipients.Contains(subscription.ClientId))
            {
                recipients.Add(subscription.ClientId);
            }
        }

        return recipients ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Whether a message on <paramref name="topic"/> from <paramref name="senderId"/> is delivered to anyone.</summary>
    public bool HasRecipients(string topic, string? senderId)
    {
        foreach (Subscription subscription in _subscriptions)
        {
            if (Receives(subscription, topic, senderId))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Receives(Subscription subscription, string topic, string? senderId)
    {
        return !(subscription.NoLocal && subscription.ClientId == senderId)
            && MqttTopicFilterComparer.Compare(topic, subscription.TopicFilter) == MqttTopicFilterCompareResult.IsMatch;
    }
}
