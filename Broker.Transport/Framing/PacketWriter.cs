using System.Buffers;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Transport.Framing;

/// <summary>
/// Gathers the encoded MQTT packets of one connection in a pooled buffer and writes them with one write, where
/// MqttChannelAdapter with packet fragmentation on writes the header and the payload of a PUBLISH separately (two TCP
/// segments with Nagle off). The buffer goes back to the pool after every write, so an idle connection holds none.
/// Not thread-safe: its owner (<see cref="StreamChannelAdapter"/>) lets one writer in at a time.
/// </summary>
internal sealed class PacketWriter : IDisposable
{
    /// <summary>Bytes rented for one write; a bigger packet gets a buffer of its own size.</summary>
    public const int BufferBytes = 32 * 1024;

    [ThreadStatic]
    private static MqttPublishPacket? s_plainPublish;

    private readonly Stream _stream;
    private readonly MqttPacketFormatterAdapter _formatter;
    private byte[]? _buffer;
    private int _length;
    private long _bytesWritten;

    /// <summary>Encodes with <paramref name="formatter"/> and writes to <paramref name="stream"/>.</summary>
    public PacketWriter(Stream stream, MqttPacketFormatterAdapter formatter)
    {
        _stream = stream;
        _formatter = formatter;
    }

    /// <summary>Bytes appended and not written yet.</summary>
    public int PendingBytes => _length;

    /// <summary>Bytes written since the start or the last <see cref="ResetStatistics"/>.</summary>
    public long BytesWritten => Volatile.Read(ref _bytesWritten);

    /// <summary>Starts <see cref="BytesWritten"/> from zero again.</summary>
    public void ResetStatistics()
    {
        Volatile.Write(ref _bytesWritten, 0);
    }

    /// <summary>Encodes <paramref name="packet"/> behind the bytes appended so far; on failure nothing is appended.</summary>
    public void Append(MqttPacket packet)
    {
        MqttPacketBuffer encoded = _formatter.Encode(packet);
        try
        {
            int needed = _length + encoded.Length;
            if (_buffer is null || _buffer.Length < needed)
            {
                byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, BufferBytes));
                if (_buffer is not null)
                {
                    Buffer.BlockCopy(_buffer, 0, larger, 0, _length);
                    ArrayPool<byte>.Shared.Return(_buffer);
                }

                _buffer = larger;
            }

            encoded.Packet.AsSpan().CopyTo(_buffer.AsSpan(_length));
            encoded.Payload.CopyTo(_buffer.AsSpan(_length + encoded.Packet.Count));
            _length = needed;
        }
        finally
        {
            _formatter.Cleanup();
        }
    }

    /// <summary>
    /// Appends <paramref name="message"/> as a plain QoS 0 PUBLISH: its topic and payload, no retain flag. It is encoded
    /// through one packet object per thread: <see cref="Append"/> copies the encoded bytes before it returns, and nothing
    /// else sees the packet, so a classroom's 30 direct deliveries of one click allocate no packet each. Its topic and
    /// payload are cleared afterwards, so it keeps no message alive.
    /// </summary>
    public void AppendPlainPublish(MqttApplicationMessage message)
    {
        MqttPublishPacket packet = s_plainPublish ??= new MqttPublishPacket();
        packet.Topic = message.Topic;
        packet.Payload = message.Payload;
        try
        {
            Append(packet);
        }
        finally
        {
            packet.Topic = null;
            packet.Payload = default;
        }
    }

    /// <summary>Writes what was appended with one write, and gives the buffer back.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        int length = _length;
        _length = 0;
        try
        {
            await _stream.WriteAsync(_buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _bytesWritten, length);
        }
        finally
        {
            ReturnBuffer();
        }
    }

    /// <summary>Gives the buffer back; call only while no write is in progress.</summary>
    public void Dispose()
    {
        ReturnBuffer();
    }

    private void ReturnBuffer()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }
}
