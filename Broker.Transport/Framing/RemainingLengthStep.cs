namespace Esp32Mqtt.Broker.Transport.Framing;

/// <summary>What one byte added to a <see cref="RemainingLength"/> did.</summary>
internal enum RemainingLengthStep
{
    /// <summary>It was the field's last byte: the value is complete.</summary>
    Complete,

    /// <summary>Another byte follows.</summary>
    More,

    /// <summary>The fourth byte said another follows, which MQTT does not allow.</summary>
    Malformed,
}
