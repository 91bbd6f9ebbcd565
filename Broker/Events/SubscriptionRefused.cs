namespace Esp32Mqtt.Broker.Events;

/// <summary>A client asked for a subscription the broker refused (the other filters of the same SUBSCRIBE are granted).</summary>
/// <param name="Time">When it was refused.</param>
/// <param name="ClientId">The client.</param>
/// <param name="TopicFilter">The filter as the client sent it.</param>
/// <param name="Reason">Why, in words for a learner.</param>
public sealed record SubscriptionRefused(DateTimeOffset Time, string ClientId, string TopicFilter, string Reason) : TrafficEvent(Time);
