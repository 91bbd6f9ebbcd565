namespace Esp32Mqtt.Broker.Events;

/// <summary>A client's connection ended.</summary>
/// <param name="Time">When MQTTnet had finished with it.</param>
/// <param name="ClientId">The client id.</param>
/// <param name="How">Whether it said goodbye, vanished or was replaced.</param>
/// <param name="PublishedWillTopic">The topic its last will was published to, or null when no will was published.</param>
/// <param name="SessionKept">Whether its session is kept for it: its subscriptions stay, and messages for them queue until it comes back.</param>
/// <param name="SessionExpiresAt">With <paramref name="SessionKept"/>, when the kept session is deleted; null when never.</param>
/// <param name="DelayedWillTopic">The topic of an MQTT 5 will that waits for its delay (<see cref="WillPublished"/> or <see cref="WillCancelled"/> follows), or null.</param>
/// <param name="WillDelay">With <paramref name="DelayedWillTopic"/>, how long the will waits for the client to come back.</param>
public sealed record ClientDisconnected(
    DateTimeOffset Time,
    string ClientId,
    DisconnectKind How,
    string? PublishedWillTopic,
    bool SessionKept,
    DateTimeOffset? SessionExpiresAt,
    string? DelayedWillTopic = null,
    TimeSpan? WillDelay = null) : TrafficEvent(Time);
