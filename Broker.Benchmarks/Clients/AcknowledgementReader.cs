using System.Net.Sockets;
using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>
/// Reads a QoS 1 publisher's connection and counts the PUBACKs; wakes the sender only when <paramref name="wakeSender"/>
/// says enough of its window is free, so a broker that acknowledges one message per segment does not cost a wake-up each.
/// </summary>
internal sealed class AcknowledgementReader : ClientWorker, IFrameHandler
{
    private const int ReadBufferBytes = 64 * 1024;

    private readonly Socket _socket;
    private readonly FrameReader _reader = new(ReadBufferBytes);
    private readonly ManualResetEventSlim _acknowledgementArrived;
    private readonly Func<bool> _wakeSender;
    private long _acknowledged;

    /// <summary>Reads <paramref name="socket"/> and sets <paramref name="acknowledgementArrived"/> after a read with PUBACKs when <paramref name="wakeSender"/> is true.</summary>
    public AcknowledgementReader(Socket socket, ManualResetEventSlim acknowledgementArrived, Func<bool> wakeSender, string name)
        : base(name)
    {
        _socket = socket;
        _acknowledgementArrived = acknowledgementArrived;
        _wakeSender = wakeSender;
    }

    /// <summary>PUBACKs received so far.</summary>
    public long Acknowledged => Volatile.Read(ref _acknowledged);

    /// <inheritdoc />
    public void OnPublish(in PublishFrame frame)
    {
        // The publisher subscribes to nothing.
    }

    /// <inheritdoc />
    public void OnControlPacket(byte type, ReadOnlySpan<byte> body)
    {
        if (type == PacketType.PublishAcknowledgement)
        {
            Volatile.Write(ref _acknowledged, _acknowledged + 1);
        }
    }

    /// <inheritdoc />
    protected override void Run()
    {
        _socket.ReceiveTimeout = (int)PollInterval.TotalMilliseconds;
        while (!StopRequested)
        {
            if (!SocketSending.TryReceive(_socket, _reader.FreeSpace, out int read))
            {
                continue;
            }

            if (read == 0)
            {
                throw new IOException("The broker closed the publisher's connection.");
            }

            _reader.Commit(read);
            if (_reader.ParseAvailable(this) > 0 && _wakeSender())
            {
                _acknowledgementArrived.Set();
            }
        }
    }
}
