namespace Esp32Mqtt.Broker.Benchmarks.Protocol;

/// <summary>Receives the packets a <see cref="FrameReader"/> finds, in order.</summary>
internal interface IFrameHandler
{
    /// <summary>A PUBLISH arrived.</summary>
    void OnPublish(in PublishFrame frame);

    /// <summary>Any other packet arrived: its type and the bytes after the fixed header.</summary>
    void OnControlPacket(byte type, ReadOnlySpan<byte> body);
}
