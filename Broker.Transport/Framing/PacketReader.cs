using System.Buffers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;

namespace Esp32Mqtt.Broker.Transport.Framing;

/// <summary>
/// Splits the bytes of one connection into MQTT packets (OASIS MQTT 3.1.1, section 2.2) through a pooled buffer.
/// One read takes in as many packets as the socket holds, where MQTTnet's own adapter (MqttChannelAdapter.ReceiveAsync)
/// reads the two header bytes, the rest of the length and the body of every packet separately. While the connection
/// is idle no buffer is held: the reader waits with a zero-byte read (<see cref="WaitForDataAsync"/>), as Kestrel does,
/// and rents one only when data has arrived, so a silent client costs no buffer memory.
/// </summary>
internal sealed class PacketReader : IDisposable
{
    /// <summary>Bytes rented for one read; many small packets fit, and a packet bigger than this gets a buffer of its own size.</summary>
    private const int ReadBufferBytes = 16 * 1024;

    private readonly Stream _stream;
    private byte[]? _buffer;
    private int _start;
    private int _end;
    private int _neededBytes;
    private long _packetsTaken;
    private long _moreWaitingCheckedAt = -1;
    private bool _moreWaiting;

    /// <summary>Reads from <paramref name="stream"/>.</summary>
    public PacketReader(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>Takes the next packet if the buffer holds all of it. Its body points into the buffer and is valid until the next <see cref="FillAsync"/>.</summary>
    public bool TryTake(out ReceivedMqttPacket packet)
    {
        packet = default;
        int available = _end - _start;
        if (_buffer is null || available < 2)
        {
            _neededBytes = 2;
            return false;
        }

        RemainingLength length = default;
        RemainingLengthStep step;
        do
        {
            if (1 + length.ByteCount >= available)
            {
                _neededBytes = available + 1;
                return false;
            }

            step = length.Add(_buffer[_start + 1 + length.ByteCount]);
            if (step == RemainingLengthStep.Malformed)
            {
                throw new MqttProtocolViolationException("Remaining length is invalid.");
            }
        }
        while (step == RemainingLengthStep.More);

        int lengthBytes = length.ByteCount;
        int remainingLength = length.Value;
        int totalLength = 1 + lengthBytes + remainingLength;
        if (available < totalLength)
        {
            _neededBytes = totalLength;
            return false;
        }

        packet = new ReceivedMqttPacket(_buffer[_start], new ArraySegment<byte>(_buffer, _start + 1 + lengthBytes, remainingLength), totalLength);
        _start += totalLength;
        _packetsTaken++;
        return true;
    }

    /// <summary>Packets taken so far; read from any thread.</summary>
    public long PacketsTaken => Volatile.Read(ref _packetsTaken);

    /// <summary>
    /// Whether the client has sent more than the packets taken so far: bytes read already, or bytes waiting in the socket
    /// underneath. The socket is asked once per packet taken, however often this is asked.
    /// </summary>
    public bool HasMoreInput
    {
        get
        {
            if (_end > _start)
            {
                return true;
            }

            if (_moreWaitingCheckedAt != _packetsTaken)
            {
                _moreWaiting = HasDataWaiting();
                _moreWaitingCheckedAt = _packetsTaken;
            }

            return _moreWaiting;
        }
    }

    /// <summary>Gives the read buffer back to the pool if it holds no unread bytes; the last packet's body is then invalid.</summary>
    public void ReleaseIfEmpty()
    {
        if (_start == _end)
        {
            ReturnBuffer();
        }
    }

    /// <summary>
    /// Waits, holding no buffer, until the client has sent something or closed, if nothing unread is buffered: a zero-byte
    /// read, which ends with 0 both when data is there and when the client has closed (<see cref="FillAsync"/> tells the
    /// two apart). The stream's own ValueTask is returned, so a connection waiting here holds no state machine of this
    /// reader's either.
    /// </summary>
    public ValueTask<int> WaitForDataAsync(CancellationToken cancellationToken)
    {
        if (_start != _end)
        {
            return ValueTask.FromResult(0);
        }

        ReturnBuffer();
        return _stream.ReadAsync(Memory<byte>.Empty, cancellationToken);
    }

    /// <summary>
    /// Reads more bytes; false when the client closed the connection. After <see cref="WaitForDataAsync"/> the read
    /// completes at once; without it, the read waits holding a buffer. Await it once, as any pooled ValueTask.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        MakeRoom();
        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ReturnBuffer();
    }

    private bool HasDataWaiting()
    {
        try
        {
            return _stream is PacketGuardStream { DataAvailable: true };
        }
        catch (Exception exception) when (exception is ObjectDisposedException or IOException or SocketException)
        {
            // The connection is closing; nothing more will come from it.
            return false;
        }
    }

    private void MakeRoom()
    {
        int unread = _end - _start;
        int wanted = Math.Max(ReadBufferBytes, _neededBytes);
        if (_buffer is not null && _buffer.Length >= wanted && _start + _neededBytes <= _buffer.Length && _end < _buffer.Length)
        {
            return;
        }

        byte[] buffer = _buffer is not null && _buffer.Length >= wanted ? _buffer : ArrayPool<byte>.Shared.Rent(wanted);
        if (_buffer is not null)
        {
            Buffer.BlockCopy(_buffer, _start, buffer, 0, unread);
            if (!ReferenceEquals(buffer, _buffer))
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }
        }

        _buffer = buffer;
        _start = 0;
        _end = unread;
    }

    private void ReturnBuffer()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        _start = 0;
        _end = 0;
    }
}
