namespace Esp32Mqtt.Broker.Benchmarks.Protocol;

/// <summary>A received PUBLISH, as views into the reader's buffer (valid only during the handler call).</summary>
internal readonly ref struct PublishFrame
{
    /// <summary>Wraps the parts of one PUBLISH.</summary>
    public PublishFrame(ReadOnlySpan<byte> topic, ReadOnlySpan<byte> payload, int qualityOfService, ushort packetIdentifier)
    {
        Topic = topic;
        Payload = payload;
        QualityOfService = qualityOfService;
        PacketIdentifier = packetIdentifier;
    }

    /// <summary>The topic name's bytes.</summary>
    public ReadOnlySpan<byte> Topic { get; }

    /// <summary>The application payload.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>0, 1 or 2.</summary>
    public int QualityOfService { get; }

    /// <summary>The identifier for QoS 1 and 2; 0 for QoS 0.</summary>
    public ushort PacketIdentifier { get; }
}
