using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Esp32Mqtt.Broker.Transport.Listening;

namespace Esp32Mqtt.Broker.Transport.Framing;

/// <summary>
/// Sits between a client's socket and MQTTnet, follows the MQTT packet framing of the bytes read, and ends the
/// stream as soon as the first packet is not a CONNECT or a packet declares more than the allowed length.
/// MQTTnet 5.2 has no packet size limit: it allocates the whole declared remaining length (up to 256 MB) before
/// reading the body (MqttChannelAdapter.ReceiveAsync), so the check must happen before it sees the last length byte.
/// </summary>
internal sealed class PacketGuardStream : Stream
{
    private const byte ConnectFixedHeader = 0x10;
    private const int PacketTypeShift = 4;
    private const int QualityOfServiceMask = 0x06;
    private const int PublishType = 3;
    private const int PubAckType = 4;
    private const int PubCompType = 7;
    private const int DisconnectType = 14;
    private const int EvidenceBytes = 8;

    private readonly Stream _inner;
    private readonly int _maxRemainingLength;
    private readonly Action<PacketGuardRejection>? _onRejected;
    private FramingPart _part = FramingPart.FixedHeader;
    private RemainingLength _length;
    private bool _packetIsAnswered;
    private bool _readCompletedPacket;
    private bool _readCompletedAnsweredPacket;
    private long _bodyLeft;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="onRejected"/> is called once when the stream refuses input.</summary>
    public PacketGuardStream(Stream inner, int maxRemainingLength, Action<PacketGuardRejection>? onRejected = null)
    {
        _inner = inner;
        _maxRemainingLength = maxRemainingLength;
        _onRejected = onRejected;
    }

    /// <summary>
    /// Guards a client's <paramref name="socket"/>, which it owns, and makes the socket non-blocking, so that writes are
    /// tried at once (<see cref="WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/>); reads are all asynchronous
    /// either way. The socket is made non-blocking only once the stream has it: NetworkStream refuses a non-blocking one.
    /// </summary>
    public static PacketGuardStream OverSocket(Socket socket, int maxRemainingLength, Action<PacketGuardRejection>? onRejected = null)
    {
        NetworkStream network = new(socket, ownsSocket: true);
        socket.Blocking = false;
        return new PacketGuardStream(network, maxRemainingLength, onRejected);
    }

    /// <summary>Bytes received from the client so far.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>Whether the first packet (the CONNECT) arrived in full.</summary>
    public bool ConnectPacketReceived { get; private set; }

    /// <summary>Whether the client closed its side of the connection.</summary>
    public bool ClientClosed { get; private set; }

    /// <summary>What was refused, if anything.</summary>
    public PacketGuardRejection? Rejection { get; private set; }

    /// <summary>Whether the socket underneath holds bytes not read yet (one ioctl; false if it is not a socket).</summary>
    public bool DataAvailable => _inner is NetworkStream { DataAvailable: true };

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The socket underneath, if it is non-blocking (GuardedListener makes every client's socket so).</summary>
    private Socket? NonBlockingSocket => _inner is NetworkStream { Socket: { Blocking: false } socket } ? socket : null;

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Rejection is not null)
        {
            return ValueTask.FromResult(0);
        }

        if (buffer.Length == 0)
        {
            // A zero-byte read only waits until data is there (PacketReader.WaitForDataAsync): its 0 does not mean closed,
            // and there is nothing to check. Passed through, so an idle connection holds no state machine here.
            return _inner.ReadAsync(buffer, cancellationToken);
        }

        return ReadCheckedAsync(buffer, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count)
    {
        return Read(buffer.AsSpan(offset, count));
    }

    /// <summary>Reads and checks as <see cref="ReadAsync(Memory{byte}, CancellationToken)"/> does, blocking; not over a non-blocking socket.</summary>
    public override int Read(Span<byte> buffer)
    {
        if (Rejection is not null)
        {
            return 0;
        }

        ThrowIfNonBlockingSocket();
        int count = _inner.Read(buffer);
        return Accept(buffer[..count]);
    }

    /// <summary>
    /// Writes <paramref name="buffer"/>. Over a non-blocking socket (<see cref="Socket.Blocking"/> false) the bytes the
    /// socket takes at once, usually all of them, are sent with one plain send() on the calling thread, and only a rest
    /// that does not fit goes through the stream's asynchronous write. .NET keeps the state of a socket's asynchronous
    /// send (a SocketAsyncEventArgs with its callback, about 0.36 KB) for the rest of the connection once one has been
    /// made, so a client whose socket never fills never pays for it.
    /// </summary>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (NonBlockingSocket is { } socket && !buffer.IsEmpty)
        {
            int sent = socket.Send(buffer.Span, SocketFlags.None, out SocketError error);
            if (error is not (SocketError.Success or SocketError.WouldBlock))
            {
                // This send took the socket's error (a reset, say); a retry would only report the broken pipe left behind.
                // Wrapped as NetworkStream.WriteAsync wraps it.
                return ValueTask.FromException(new IOException($"Unable to write data to the transport connection: {error}.", new SocketException((int)error)));
            }

            if (sent == buffer.Length)
            {
                return ValueTask.CompletedTask;
            }

            // The rest once the socket takes it.
            buffer = buffer[sent..];
        }

        return _inner.WriteAsync(buffer, cancellationToken);
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        return WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>Writes, blocking; not over a non-blocking socket, where it could write part of the bytes without saying so.</summary>
    public override void Write(byte[] buffer, int offset, int count)
    {
        ThrowIfNonBlockingSocket();
        _inner.Write(buffer, offset, count);
    }

    /// <inheritdoc />
    public override void Flush()
    {
        _inner.Flush();
    }

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        return _inner.FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin)
    {
        throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void SetLength(long value)
    {
        throw new NotSupportedException();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// The first bytes of what a client sent that is not MQTT, to name it in the log (HTTP, TLS, garbage): those read,
    /// and more the socket holds already when the reader asked for only a few (MqttChannelAdapter reads the two header
    /// bytes of a packet first).
    /// </summary>
    private byte[] Evidence(ReadOnlySpan<byte> read)
    {
        byte[] evidence = new byte[EvidenceBytes];
        int count = Math.Min(read.Length, EvidenceBytes);
        read[..count].CopyTo(evidence);
        if (count < EvidenceBytes && NonBlockingSocket is { Available: > 0 } socket)
        {
            int more = socket.Receive(evidence.AsSpan(count), SocketFlags.None, out SocketError error);
            count += error == SocketError.Success ? more : 0;
        }

        return evidence[..count];
    }

    private void ThrowIfNonBlockingSocket()
    {
        if (NonBlockingSocket is not null)
        {
            throw new NotSupportedException("A client connection is read and written asynchronously only: its socket is non-blocking.");
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadCheckedAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int count = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Accept(buffer.Span[..count]);
    }

    private int Accept(ReadOnlySpan<byte> received)
    {
        if (received.Length == 0)
        {
            ClientClosed = true;
            return 0;
        }

        BytesReceived += received.Length;
        _readCompletedPacket = false;
        _readCompletedAnsweredPacket = false;
        if (!Inspect(received))
        {
            return 0;
        }

        if (_readCompletedPacket && !_readCompletedAnsweredPacket && _part == FramingPart.FixedHeader && NonBlockingSocket is { } socket)
        {
            AcknowledgeAtOnce.AfterUnansweredRead(socket);
        }

        return received.Length;
    }

    /// <summary>
    /// Whether the broker answers a packet that starts with <paramref name="fixedHeader"/> (OASIS MQTT 3.1.1 section 2.2.1):
    /// every packet does but a QoS 0 PUBLISH, PUBACK, PUBCOMP and DISCONNECT.
    /// </summary>
    private static bool IsAnswered(byte fixedHeader)
    {
        return (fixedHeader >> PacketTypeShift) switch
        {
            PublishType => (fixedHeader & QualityOfServiceMask) != 0,
            PubAckType or PubCompType or DisconnectType => false,
            _ => true,
        };
    }

    private bool Inspect(ReadOnlySpan<byte> bytes)
    {
        int index = 0;
        while (index < bytes.Length)
        {
            switch (_part)
            {
                case FramingPart.FixedHeader:
                    if (!ConnectPacketReceived && bytes[index] != ConnectFixedHeader)
                    {
                        return Reject(new PacketGuardRejection(RejectionKind.NotMqtt, 0, Evidence(bytes[index..])));
                    }

                    _packetIsAnswered = IsAnswered(bytes[index]);
                    _part = FramingPart.RemainingLength;
                    _length = default;
                    index++;
                    break;

                case FramingPart.RemainingLength:
                    RemainingLengthStep step = _length.Add(bytes[index++]);
                    if (step == RemainingLengthStep.Malformed)
                    {
                        return Reject(new PacketGuardRejection(RejectionKind.MalformedLength, 0, []));
                    }

                    if (step == RemainingLengthStep.More)
                    {
                        break;
                    }

                    if (_length.Value > _maxRemainingLength)
                    {
                        return Reject(new PacketGuardRejection(RejectionKind.Oversized, _length.Value, []));
                    }

                    _bodyLeft = _length.Value;
                    _part = FramingPart.Body;
                    CompletePacketIfBodyRead();
                    break;

                default:
                    int taken = (int)Math.Min(_bodyLeft, bytes.Length - index);
                    _bodyLeft -= taken;
                    index += taken;
                    CompletePacketIfBodyRead();
                    break;
            }
        }

        return true;
    }

    private void CompletePacketIfBodyRead()
    {
        if (_bodyLeft == 0)
        {
            _readCompletedPacket = true;
            _readCompletedAnsweredPacket |= _packetIsAnswered;
            ConnectPacketReceived = true;
            _part = FramingPart.FixedHeader;
        }
    }

    private bool Reject(PacketGuardRejection rejection)
    {
        Rejection = rejection;
        _onRejected?.Invoke(rejection);
        return false;
    }
}
