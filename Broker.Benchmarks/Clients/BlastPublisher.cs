using System.Diagnostics;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>
/// Publishes QoS 0 as fast as it may: batches of pre-encoded PUBLISH packets, one send() each, patching only
/// sequence numbers and one timestamp per batch. Its brakes are TCP flow control, an optional <see cref="LeadLimit"/>
/// shared with the other publishers, and an optional total message count.
/// </summary>
internal sealed class BlastPublisher : Publisher
{
    /// <summary>Bytes per send(): large enough that the system call cost per message is negligible.</summary>
    public const int BatchBytes = 64 * 1024;

    private static readonly TimeSpan s_sendTimeout = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly PublishBatch _batch;
    private readonly LeadLimit? _leadLimit;
    private readonly long _messageLimit;
    private readonly Func<bool> _stopRequested;
    private long _sent;

    /// <summary>
    /// Publishes <paramref name="template"/> on <paramref name="socket"/>, already connected, within
    /// <paramref name="leadLimit"/> if given, until stopped or <paramref name="messageLimit"/> messages are written.
    /// </summary>
    public BlastPublisher(Socket socket, PublishTemplate template, string name, LeadLimit? leadLimit = null, long messageLimit = long.MaxValue)
        : base(name)
    {
        _socket = socket;
        _batch = new PublishBatch(template, Math.Max(1, BatchBytes / template.Packet.Length));
        _leadLimit = leadLimit;
        _messageLimit = messageLimit;
        _stopRequested = () => StopRequested;
    }

    /// <summary>Messages fully written to the socket so far.</summary>
    public override long Sent => Volatile.Read(ref _sent);

    /// <inheritdoc />
    protected override void Run()
    {
        // A broker that stops reading makes send() block; the timeout turns that into a failure instead of a hang.
        _socket.SendTimeout = (int)s_sendTimeout.TotalMilliseconds;
        uint sequence = 1;
        while (!StopRequested && _sent < _messageLimit)
        {
            int count = (int)Math.Min(_batch.Capacity, _messageLimit - _sent);
            if (_leadLimit is not null)
            {
                count = _leadLimit.Reserve(count, _stopRequested, PollInterval);
                if (count == 0)
                {
                    return;
                }
            }

            _batch.Stamp(count, sequence, Stopwatch.GetTimestamp());
            SocketSending.SendAll(_socket, _batch.Packets(count));
            sequence += (uint)count;
            Volatile.Write(ref _sent, _sent + count);
        }
    }
}
