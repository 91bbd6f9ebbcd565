namespace Esp32Mqtt.Broker.Dashboard.Publishing;

/// <summary>What the publish form (or a board card's button) sends.</summary>
/// <param name="Topic">The topic to publish to.</param>
/// <param name="Payload">The payload, as text (sent as UTF-8).</param>
/// <param name="QualityOfService">0 or 1.</param>
/// <param name="Retain">Whether the broker keeps it for later subscribers.</param>
public sealed record PublishRequest(string? Topic, string? Payload, int QualityOfService, bool Retain);
