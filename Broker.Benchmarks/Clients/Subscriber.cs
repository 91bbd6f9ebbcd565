using System.Diagnostics;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>
/// Reads a subscribed connection with large receives, timestamps each read the moment it returns, parses every
/// frame in it, and answers QoS 1 messages with one send of PUBACKs per read.
/// </summary>
internal sealed class Subscriber : ClientWorker
{
    /// <summary>Bytes asked for per receive.</summary>
    public const int ReadBufferBytes = 1024 * 1024;

    private readonly Socket _socket;
    private readonly FrameReader _reader = new(ReadBufferBytes);
    private readonly LeadLimit? _leadLimit;

    /// <summary>Reads <paramref name="socket"/>, already subscribed, into <paramref name="counter"/>, signalling <paramref name="leadLimit"/> after each read if given.</summary>
    public Subscriber(Socket socket, DeliveryCounter counter, string name, LeadLimit? leadLimit = null)
        : base(name)
    {
        _socket = socket;
        Counter = counter;
        _leadLimit = leadLimit;
    }

    /// <summary>What has been received.</summary>
    public DeliveryCounter Counter { get; }

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

            Counter.ReadTimestamp = Stopwatch.GetTimestamp();
            if (read == 0)
            {
                throw new IOException("The broker closed the subscriber's connection.");
            }

            _reader.Commit(read);
            _ = _reader.ParseAvailable(Counter);
            Counter.Acknowledgements.Flush(_socket);
            _leadLimit?.Signal();
        }
    }
}
