namespace Esp32Mqtt.Broker.Events;

/// <summary>A client removed its subscription to a topic filter.</summary>
/// <param name="Time">When MQTTnet removed it.</param>
/// <param name="ClientId">The client.</param>
/// <param name="TopicFilter">The filter it no longer receives.</param>
public sealed record ClientUnsubscribed(DateTimeOffset Time, string ClientId, string TopicFilter) : TrafficEvent(Time);
