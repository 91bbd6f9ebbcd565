using System.Buffers;

namespace Esp32Mqtt.Broker.Events;

/// <summary>A retained message was stored, replaced or cleared.</summary>
/// <param name="Time">When the broker changed it.</param>
/// <param name="Topic">Its topic; null when every retained message was cleared at once.</param>
/// <param name="Payload">The new retained payload; empty when the message was cleared.</param>
public sealed record RetainedChanged(DateTimeOffset Time, string? Topic, ReadOnlySequence<byte> Payload) : TrafficEvent(Time);
