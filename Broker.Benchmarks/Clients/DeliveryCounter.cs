using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>
/// Counts the messages a subscriber receives, checks each publisher's sequence numbers only ever rise, records
/// publish-to-receive latency when asked, and queues the PUBACKs owed for QoS 1.
/// </summary>
internal sealed class DeliveryCounter : IFrameHandler
{
    private readonly uint[] _lastSequence;
    private readonly DurationRecorder? _latencies;
    private readonly AcknowledgementWriter _acknowledgements = new();
    private long _received;
    private long _outOfOrder;

    /// <summary>A counter for messages from up to <paramref name="publishers"/> publishers, recording latency into <paramref name="latencies"/> if given.</summary>
    public DeliveryCounter(int publishers, DurationRecorder? latencies = null)
    {
        _lastSequence = new uint[publishers];
        _latencies = latencies;
    }

    /// <summary>Messages received so far.</summary>
    public long Received => Volatile.Read(ref _received);

    /// <summary>Messages whose sequence number was not above the last one from the same publisher (duplicates or reordering).</summary>
    public long OutOfOrder => Volatile.Read(ref _outOfOrder);

    /// <summary>The PUBACKs owed for the QoS 1 messages parsed since the last flush.</summary>
    public AcknowledgementWriter Acknowledgements => _acknowledgements;

    /// <summary>When the bytes being parsed came off the socket (Stopwatch ticks); the subscriber sets it after each read.</summary>
    public long ReadTimestamp { get; set; }

    /// <inheritdoc />
    public void OnPublish(in PublishFrame frame)
    {
        ReadOnlySpan<byte> payload = frame.Payload;
        if (payload.Length == BenchmarkPayload.Size)
        {
            uint publisher = BenchmarkPayload.ReadPublisher(payload);
            uint sequence = BenchmarkPayload.ReadSequence(payload);
            if (publisher < _lastSequence.Length)
            {
                if (sequence <= _lastSequence[publisher])
                {
                    Volatile.Write(ref _outOfOrder, _outOfOrder + 1);
                }
                else
                {
                    _lastSequence[publisher] = sequence;
                }
            }

            _latencies?.Record(sequence, ReadTimestamp - BenchmarkPayload.ReadTimestamp(payload));
        }

        if (frame.QualityOfService > 0)
        {
            _acknowledgements.Add(frame.PacketIdentifier);
        }

        Volatile.Write(ref _received, _received + 1);
    }

    /// <inheritdoc />
    public void OnControlPacket(byte type, ReadOnlySpan<byte> body)
    {
        // A subscriber gets nothing but PUBLISH once subscribed; anything else needs no answer.
    }
}
