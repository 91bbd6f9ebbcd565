using System.Buffers.Binary;

namespace Esp32Mqtt.Broker.Benchmarks.Protocol;

/// <summary>
/// An incremental MQTT frame reader: the caller receives straight into <see cref="FreeSpace"/>, commits the byte
/// count, and <see cref="ParseAvailable"/> hands every complete packet to a handler. A packet split across reads
/// waits for its remainder; many packets in one read are all handled. It allocates nothing per packet.
/// </summary>
internal sealed class FrameReader
{
    private const int PublishQualityShift = 1;
    private const int PublishQualityMask = 0x03;
    private const int TopicLengthBytes = 2;
    private const int HeaderTypeBytes = 1;
    private const int SmallestPacketBytes = HeaderTypeBytes + 1;

    private byte[] _buffer;
    private int _start;
    private int _end;

    /// <summary>Creates a reader whose buffer holds <paramref name="capacity"/> bytes; it grows if one packet is larger.</summary>
    public FrameReader(int capacity)
    {
        _buffer = new byte[capacity];
    }

    /// <summary>Room to receive into, after the bytes not parsed yet; never empty.</summary>
    public Span<byte> FreeSpace
    {
        get
        {
            if (_end == _buffer.Length)
            {
                // One packet is larger than the whole buffer (parsing has already moved it to the front).
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            return _buffer.AsSpan(_end);
        }
    }

    /// <summary>Bytes received but not yet parsed (the start of a packet that is still arriving).</summary>
    public int PendingBytes => _end - _start;

    /// <summary>Records that <paramref name="count"/> bytes were written into <see cref="FreeSpace"/>.</summary>
    public void Commit(int count)
    {
        _end += count;
    }

    /// <summary>Hands every complete packet to <paramref name="handler"/> and returns how many there were.</summary>
    public int ParseAvailable(IFrameHandler handler)
    {
        int packets = 0;
        while (TryParseOne(handler))
        {
            packets++;
        }

        MoveUnfinishedPacketToFront();
        return packets;
    }

    private static void Dispatch(byte header, ReadOnlySpan<byte> body, IFrameHandler handler)
    {
        byte type = PacketType.TypeOf(header);
        if (type != PacketType.Publish)
        {
            handler.OnControlPacket(type, body);
            return;
        }

        int qualityOfService = (header >> PublishQualityShift) & PublishQualityMask;
        int topicLength = BinaryPrimitives.ReadUInt16BigEndian(body);
        int position = TopicLengthBytes + topicLength;
        ushort packetIdentifier = 0;
        if (qualityOfService > 0)
        {
            packetIdentifier = BinaryPrimitives.ReadUInt16BigEndian(body[position..]);
            position += PacketEncoder.PacketIdentifierBytes;
        }

        if (position > body.Length)
        {
            throw new InvalidDataException("Malformed PUBLISH: the topic runs past the end of the packet.");
        }

        handler.OnPublish(new PublishFrame(body.Slice(TopicLengthBytes, topicLength), body[position..], qualityOfService, packetIdentifier));
    }

    private bool TryParseOne(IFrameHandler handler)
    {
        ReadOnlySpan<byte> pending = _buffer.AsSpan(_start, _end - _start);
        if (pending.Length < SmallestPacketBytes || !RemainingLength.TryRead(pending[HeaderTypeBytes..], out int bodyLength, out int lengthBytes))
        {
            return false;
        }

        int bodyStart = HeaderTypeBytes + lengthBytes;
        if (pending.Length - bodyStart < bodyLength)
        {
            return false;
        }

        _start += bodyStart + bodyLength;
        Dispatch(pending[0], pending.Slice(bodyStart, bodyLength), handler);
        return true;
    }

    private void MoveUnfinishedPacketToFront()
    {
        // What is left is shorter than one packet, so this copy is small; it keeps the whole buffer free for the next read.
        int pending = _end - _start;
        if (pending > 0 && _start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
        }

        _start = 0;
        _end = pending;
    }
}
