namespace Esp32Mqtt.Broker.Dashboard.Publishing;

/// <summary>Which retained message to clear.</summary>
/// <param name="Topic">The topic whose retained message goes, or null to clear them all.</param>
public sealed record ClearRetainedRequest(string? Topic);
