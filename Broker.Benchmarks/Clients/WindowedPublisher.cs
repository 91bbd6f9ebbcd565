using System.Diagnostics;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>
/// Publishes QoS 1 with a fixed in-flight window: it keeps up to <see cref="Window"/> PUBLISH packets awaiting their
/// PUBACK, and whenever acknowledgements free a quarter of the window it refills it with one send().
/// </summary>
internal sealed class WindowedPublisher : Publisher
{
    // Refilling from a quarter free keeps sends large without letting the pipe run dry.
    private const int SmallestRefillDivisor = 4;
    private static readonly TimeSpan s_sendTimeout = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly PublishBatch _batch;
    private readonly ManualResetEventSlim _acknowledgementArrived = new(false);
    private readonly AcknowledgementReader _acknowledgements;
    private readonly int _smallestRefill;
    private long _sent;

    /// <summary>Publishes <paramref name="template"/> (QoS 1) on <paramref name="socket"/> with <paramref name="window"/> messages in flight at most.</summary>
    public WindowedPublisher(Socket socket, PublishTemplate template, int window, string name)
        : base(name)
    {
        _socket = socket;
        Window = window;
        _batch = new PublishBatch(template, window);
        _smallestRefill = Math.Max(1, window / SmallestRefillDivisor);
        _acknowledgements = new AcknowledgementReader(socket, _acknowledgementArrived, () => Free() >= _smallestRefill, name + "-acks");
    }

    /// <summary>The most PUBLISH packets awaiting a PUBACK at any time.</summary>
    public int Window { get; }

    /// <summary>Messages written to the socket so far.</summary>
    public override long Sent => Volatile.Read(ref _sent);

    /// <summary>PUBACKs received so far.</summary>
    public long Acknowledged => _acknowledgements.Acknowledged;

    /// <inheritdoc />
    public override void Start()
    {
        _acknowledgements.Start();
        base.Start();
    }

    /// <inheritdoc />
    public override void RequestStop()
    {
        base.RequestStop();
        _acknowledgements.RequestStop();
        _acknowledgementArrived.Set();
    }

    /// <inheritdoc />
    public override bool Join(TimeSpan timeout)
    {
        bool joined = base.Join(timeout) & _acknowledgements.Join(timeout);
        Failure ??= _acknowledgements.Failure;
        return joined;
    }

    private int Free()
    {
        return (int)Math.Min(Window - (Sent - Acknowledged), _batch.Capacity);
    }

    /// <inheritdoc />
    protected override void Run()
    {
        _socket.SendTimeout = (int)s_sendTimeout.TotalMilliseconds;
        uint sequence = 1;
        ushort packetIdentifier = 1;
        while (!StopRequested)
        {
            // Reset before looking, so an acknowledgement that lands between the look and the wait still wakes us.
            _acknowledgementArrived.Reset();
            int free = Free();
            if (free < _smallestRefill)
            {
                _ = _acknowledgementArrived.Wait(PollInterval);
                if (_acknowledgements.Failure is not null)
                {
                    throw new IOException("The acknowledgement reader failed.", _acknowledgements.Failure);
                }

                continue;
            }

            _batch.Stamp(free, sequence, Stopwatch.GetTimestamp());
            packetIdentifier = _batch.NumberPackets(free, packetIdentifier);

            // Counted as in flight before the send, so a PUBACK can never arrive for a message not yet counted.
            Volatile.Write(ref _sent, _sent + free);
            SocketSending.SendAll(_socket, _batch.Packets(free));
            sequence += (uint)free;
        }
    }
}
