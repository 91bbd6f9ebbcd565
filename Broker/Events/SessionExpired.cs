namespace Esp32Mqtt.Broker.Events;

/// <summary>A client stayed away longer than its session is kept: the session, its subscriptions and queue are gone.</summary>
/// <param name="Time">When the broker deleted it.</param>
/// <param name="ClientId">The client the session belonged to.</param>
/// <param name="OfflineFor">How long the client had been away.</param>
/// <param name="DroppedMessages">Messages that were queued for it and are now dropped.</param>
public sealed record SessionExpired(DateTimeOffset Time, string ClientId, TimeSpan OfflineFor, long DroppedMessages) : TrafficEvent(Time);
