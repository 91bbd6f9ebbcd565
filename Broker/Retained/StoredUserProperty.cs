namespace Esp32Mqtt.Broker.Retained;

/// <summary>An MQTT 5 user property of a stored retained message.</summary>
public sealed class StoredUserProperty
{
    /// <summary>The property name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The property value.</summary>
    public string Value { get; set; } = string.Empty;
}
