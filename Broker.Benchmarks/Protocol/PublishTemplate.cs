namespace Esp32Mqtt.Broker.Benchmarks.Protocol;

/// <summary>One encoded PUBLISH and where, inside it, the per-message fields sit.</summary>
internal sealed class PublishTemplate
{
    private PublishTemplate(byte[] packet, int payloadOffset, int packetIdentifierOffset)
    {
        Packet = packet;
        PayloadOffset = payloadOffset;
        PacketIdentifierOffset = packetIdentifierOffset;
    }

    /// <summary>The encoded packet.</summary>
    public byte[] Packet { get; }

    /// <summary>Where the 16-byte payload starts.</summary>
    public int PayloadOffset { get; }

    /// <summary>Where the packet identifier starts, or -1 for QoS 0.</summary>
    public int PacketIdentifierOffset { get; }

    /// <summary>Encodes a PUBLISH to <paramref name="topic"/> whose payload names <paramref name="publisher"/>.</summary>
    public static PublishTemplate Create(string topic, int qualityOfService, uint publisher)
    {
        byte[] payload = new byte[BenchmarkPayload.Size];
        BenchmarkPayload.Write(payload, publisher, 0, 0);
        byte[] packet = PacketEncoder.Publish(topic, payload, qualityOfService, 1);

        // The payload is the packet's tail; the identifier, if any, sits just before it.
        int payloadOffset = packet.Length - BenchmarkPayload.Size;
        int identifierOffset = qualityOfService > 0 ? payloadOffset - PacketEncoder.PacketIdentifierBytes : -1;
        return new PublishTemplate(packet, payloadOffset, identifierOffset);
    }
}
