namespace Esp32Mqtt.Broker.Events;

/// <summary>A client subscribed to a topic filter (or subscribed again, replacing the earlier subscription).</summary>
/// <param name="Time">When MQTTnet granted it.</param>
/// <param name="ClientId">The subscriber.</param>
/// <param name="TopicFilter">The filter, possibly with <c>+</c> and <c>#</c>.</param>
/// <param name="QualityOfService">The QoS granted, 0 to 2.</param>
public sealed record ClientSubscribed(DateTimeOffset Time, string ClientId, string TopicFilter, int QualityOfService) : TrafficEvent(Time);
