using System.Diagnostics;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Benchmarks.Interop;
using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>
/// Publishes at a fixed rate on an absolute schedule (message i is due at start + i / rate, so a late message never
/// shifts the ones after it), one send() per message, stamping each with the time it is written.
/// </summary>
internal sealed class PacedPublisher : Publisher
{
    private readonly Socket _socket;
    private readonly byte[] _packet;
    private readonly int _payloadOffset;
    private readonly int _ratePerSecond;
    private readonly int _totalMessages;
    private long _sent;

    /// <summary>
    /// Sends <paramref name="totalMessages"/> copies of <paramref name="template"/> at <paramref name="ratePerSecond"/>;
    /// the lag behind schedule of the measured ones goes into <paramref name="lag"/>.
    /// </summary>
    public PacedPublisher(Socket socket, PublishTemplate template, int ratePerSecond, int totalMessages, DurationRecorder lag, string name)
        : base(name)
    {
        _socket = socket;
        _packet = (byte[])template.Packet.Clone();
        _payloadOffset = template.PayloadOffset;
        _ratePerSecond = ratePerSecond;
        _totalMessages = totalMessages;
        Lag = lag;
    }

    /// <summary>How late each measured message was written, against its schedule.</summary>
    public DurationRecorder Lag { get; }

    /// <summary>Messages written so far.</summary>
    public override long Sent => Volatile.Read(ref _sent);

    /// <summary>Whether every message has been written.</summary>
    public bool Finished => Sent >= _totalMessages;

    /// <inheritdoc />
    protected override void Run()
    {
        MonotonicSleep.UseFinestTimerSlackOnThisThread();
        Span<byte> payload = _packet.AsSpan(_payloadOffset, BenchmarkPayload.Size);
        long start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / _ratePerSecond);
        for (long index = 0; index < _totalMessages && !StopRequested; index++)
        {
            long due = start + (index * Stopwatch.Frequency / _ratePerSecond);
            MonotonicSleep.Until(due);
            long now = Stopwatch.GetTimestamp();
            uint sequence = (uint)(index + 1);
            Lag.Record(sequence, now - due);
            BenchmarkPayload.Stamp(payload, sequence, now);
            SocketSending.SendAll(_socket, _packet);
            Volatile.Write(ref _sent, _sent + 1);
        }
    }
}
