namespace Esp32Mqtt.Broker.Events;

/// <summary>A client that stopped reading lost its oldest queued message (its queue was full).</summary>
/// <param name="Time">When the message was dropped.</param>
/// <param name="ClientId">The slow client.</param>
public sealed record MessagesDropped(DateTimeOffset Time, string ClientId) : TrafficEvent(Time);
