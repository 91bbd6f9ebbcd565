using System.Buffers.Binary;

namespace Esp32Mqtt.Broker.Benchmarks.Protocol;

/// <summary>
/// The 16-byte payload of every benchmark message: which publisher sent it, its sequence number from that publisher,
/// and the Stopwatch timestamp taken just before it was written to the socket. Little-endian, as only this program reads it.
/// </summary>
internal static class BenchmarkPayload
{
    /// <summary>Payload size in bytes: a short command or sensor reading.</summary>
    public const int Size = 16;

    /// <summary>Offset of the publisher index (uint32).</summary>
    public const int PublisherOffset = 0;

    /// <summary>Offset of the sequence number (uint32), counted from 1.</summary>
    public const int SequenceOffset = 4;

    /// <summary>Offset of the send timestamp (int64, Stopwatch ticks).</summary>
    public const int TimestampOffset = 8;

    /// <summary>Writes a whole payload.</summary>
    public static void Write(Span<byte> payload, uint publisher, uint sequence, long timestamp)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(payload[PublisherOffset..], publisher);
        Stamp(payload, sequence, timestamp);
    }

    /// <summary>Patches only the sequence number and timestamp, as the senders do per message.</summary>
    public static void Stamp(Span<byte> payload, uint sequence, long timestamp)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(payload[SequenceOffset..], sequence);
        BinaryPrimitives.WriteInt64LittleEndian(payload[TimestampOffset..], timestamp);
    }

    /// <summary>The publisher index.</summary>
    public static uint ReadPublisher(ReadOnlySpan<byte> payload)
    {
        return BinaryPrimitives.ReadUInt32LittleEndian(payload[PublisherOffset..]);
    }

    /// <summary>The sequence number.</summary>
    public static uint ReadSequence(ReadOnlySpan<byte> payload)
    {
        return BinaryPrimitives.ReadUInt32LittleEndian(payload[SequenceOffset..]);
    }

    /// <summary>The send timestamp.</summary>
    public static long ReadTimestamp(ReadOnlySpan<byte> payload)
    {
        return BinaryPrimitives.ReadInt64LittleEndian(payload[TimestampOffset..]);
    }
}
