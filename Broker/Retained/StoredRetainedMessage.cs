namespace Esp32Mqtt.Broker.Retained;

/// <summary>One retained message as written to the store: topic, payload, QoS and the MQTT 5 properties a subscriber sees.</summary>
public sealed class StoredRetainedMessage
{
    /// <summary>The topic.</summary>
    public string Topic { get; set; } = string.Empty;

    /// <summary>The payload (Base64 in the file).</summary>
    public byte[] Payload { get; set; } = [];

    /// <summary>The QoS it was published with (0, 1 or 2).</summary>
    public int QualityOfService { get; set; }

    /// <summary>MQTT 5 content type, if any.</summary>
    public string? ContentType { get; set; }

    /// <summary>MQTT 5 response topic, if any.</summary>
    public string? ResponseTopic { get; set; }

    /// <summary>MQTT 5 correlation data, if any.</summary>
    public byte[]? CorrelationData { get; set; }

    /// <summary>MQTT 5 payload format indicator (0 unspecified, 1 UTF-8).</summary>
    public int PayloadFormatIndicator { get; set; }

    /// <summary>MQTT 5 message expiry interval in seconds as published (0 = none); <see cref="ExpiresAt"/> says when it runs out.</summary>
    public uint MessageExpiryInterval { get; set; }

    /// <summary>When a message with an expiry interval expires (UTC), so that a restart does not lengthen its life; null for none.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>MQTT 5 user properties, if any.</summary>
    public List<StoredUserProperty>? UserProperties { get; set; }
}
