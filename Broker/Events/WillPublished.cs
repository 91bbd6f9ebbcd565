namespace Esp32Mqtt.Broker.Events;

/// <summary>A will that waited for its delay was published.</summary>
/// <param name="Time">When it was published.</param>
/// <param name="ClientId">The client whose will it is.</param>
/// <param name="Topic">The topic it was published to.</param>
/// <param name="Why">What ended the wait.</param>
public sealed record WillPublished(DateTimeOffset Time, string ClientId, string Topic, WillPublishedBecause Why) : TrafficEvent(Time);
