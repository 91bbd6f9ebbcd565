namespace Esp32Mqtt.Broker.Benchmarks.Measurement;

/// <summary>Which way a metric improves.</summary>
internal enum Better
{
    /// <summary>Neither: context for the other figures, such as CPU load.</summary>
    Neither,

    /// <summary>Smaller is better (CPU per message, latency, memory).</summary>
    Lower,

    /// <summary>Larger is better (rate, delivered share).</summary>
    Higher,
}
