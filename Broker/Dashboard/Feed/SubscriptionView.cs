namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>One client's subscription to one topic filter.</summary>
/// <param name="ClientId">The subscriber.</param>
/// <param name="TopicFilter">The filter, possibly with <c>+</c> and <c>#</c>.</param>
/// <param name="QualityOfService">The QoS granted.</param>
public sealed record SubscriptionView(string ClientId, string TopicFilter, int QualityOfService);
