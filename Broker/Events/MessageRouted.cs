using System.Buffers;
using Esp32Mqtt.Broker.Subscriptions;

namespace Esp32Mqtt.Broker.Events;

/// <summary>A published message and the clients it goes to: one message becomes one delivery per recipient.</summary>
/// <param name="Time">When the broker routed it.</param>
/// <param name="Topic">The topic it was published to.</param>
/// <param name="SenderId">The publishing client's id, <see cref="TrafficEvents.ConsoleSenderId"/> for the broker's console, or null when the broker itself sent it (a will).</param>
/// <param name="Payload">The payload bytes; never changed after routing.</param>
/// <param name="QualityOfService">The QoS it was published with, 0 to 2.</param>
/// <param name="Retain">Whether it was published retained (an empty retained payload clears the retained message).</param>
/// <param name="Recipients">The distinct clients it is delivered to, in subscription order; empty when it reached nobody.</param>
/// <param name="NearMiss">For a message that reached nobody, the subscription the publisher probably meant, if any.</param>
public sealed record MessageRouted(
    DateTimeOffset Time,
    string Topic,
    string? SenderId,
    ReadOnlySequence<byte> Payload,
    int QualityOfService,
    bool Retain,
    IReadOnlyList<string> Recipients,
    NearMiss? NearMiss) : TrafficEvent(Time)
{
    /// <summary>The recipients that are offline with their session kept: the message waits in their queue until they come back.</summary>
    public IReadOnlyList<string> OfflineRecipients { get; init; } = [];
}
