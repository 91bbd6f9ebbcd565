using System.Buffers.Binary;

namespace Esp32Mqtt.Broker.Benchmarks.Protocol;

/// <summary>
/// Copies of one PUBLISH laid end to end in one buffer, so a sender writes many messages with one send() and patches
/// only the sequence number, timestamp and (QoS 1) packet identifier of each.
/// </summary>
internal sealed class PublishBatch
{
    /// <summary>Packet identifiers run 1 to 65,535; 0 is not allowed (OASIS MQTT 3.1.1, section 2.3.1).</summary>
    public const int LargestPacketIdentifier = ushort.MaxValue;

    private readonly PublishTemplate _template;

    /// <summary>Lays out <paramref name="capacity"/> copies of <paramref name="template"/>.</summary>
    public PublishBatch(PublishTemplate template, int capacity)
    {
        _template = template;
        Capacity = capacity;
        PacketLength = template.Packet.Length;
        Bytes = new byte[PacketLength * capacity];
        for (int index = 0; index < capacity; index++)
        {
            template.Packet.CopyTo(Bytes, index * PacketLength);
        }
    }

    /// <summary>The packets, end to end.</summary>
    public byte[] Bytes { get; }

    /// <summary>How many packets the buffer holds.</summary>
    public int Capacity { get; }

    /// <summary>Bytes per packet.</summary>
    public int PacketLength { get; }

    /// <summary>The first <paramref name="count"/> packets' bytes.</summary>
    public ReadOnlySpan<byte> Packets(int count)
    {
        return Bytes.AsSpan(0, count * PacketLength);
    }

    /// <summary>Gives the first <paramref name="count"/> packets consecutive sequence numbers from <paramref name="firstSequence"/> and one timestamp.</summary>
    public void Stamp(int count, uint firstSequence, long timestamp)
    {
        Span<byte> bytes = Bytes;
        int payloadOffset = _template.PayloadOffset;
        for (int index = 0; index < count; index++)
        {
            BenchmarkPayload.Stamp(bytes.Slice((index * PacketLength) + payloadOffset, BenchmarkPayload.Size), firstSequence + (uint)index, timestamp);
        }
    }

    /// <summary>Gives the first <paramref name="count"/> packets consecutive packet identifiers, wrapping from 65,535 to 1; returns the next one.</summary>
    public ushort NumberPackets(int count, ushort firstIdentifier)
    {
        Span<byte> bytes = Bytes;
        int identifier = firstIdentifier;
        for (int index = 0; index < count; index++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes[((index * PacketLength) + _template.PacketIdentifierOffset)..], (ushort)identifier);
            identifier = identifier == LargestPacketIdentifier ? 1 : identifier + 1;
        }

        return (ushort)identifier;
    }
}
