using Esp32Mqtt.Broker.Benchmarks.Protocol;
using Esp32Mqtt.Broker.Benchmarks.Scenarios;

namespace Esp32Mqtt.Broker.Benchmarks.Calibration;

/// <summary>
/// A pre-recorded broker-to-subscriber byte stream: QoS 0 PUBLISH packets on <c>led</c> from thirty publishers in
/// turn, with rising sequence numbers, exactly as a broker forwards the benchmark's messages.
/// </summary>
internal static class RecordedStream
{
    private const int StreamBytes = 4 * 1024 * 1024;

    /// <summary>The stream and how many messages it holds.</summary>
    public static (byte[] Bytes, int Messages) Create()
    {
        PublishTemplate[] templates = [.. Enumerable.Range(0, Classroom.Boards).Select(index => PublishTemplate.Create(Classroom.LedTopic, 0, (uint)index))];
        int packetLength = templates[0].Packet.Length;
        int messages = StreamBytes / packetLength;
        byte[] bytes = new byte[messages * packetLength];
        for (int index = 0; index < messages; index++)
        {
            PublishTemplate template = templates[index % templates.Length];
            Span<byte> packet = bytes.AsSpan(index * packetLength, packetLength);
            template.Packet.CopyTo(packet);
            BenchmarkPayload.Stamp(packet.Slice(template.PayloadOffset, BenchmarkPayload.Size), (uint)(index / templates.Length) + 1, index);
        }

        return (bytes, messages);
    }
}
