namespace Esp32Mqtt.Broker.Subscriptions;

/// <summary>A subscribed filter that a topic nearly matched, and how many clients hold it.</summary>
/// <param name="TopicFilter">The filter the publisher probably meant.</param>
/// <param name="SubscriberCount">Distinct clients subscribed to exactly that filter.</param>
public sealed record NearMiss(string TopicFilter, int SubscriberCount);
