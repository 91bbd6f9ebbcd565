using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.FlowControl;
using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.Broker.Transport.KeepAlive;
using Esp32Mqtt.Broker.Transport.Shortcuts;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport.Channels;

/// <summary>
/// MQTTnet's view of one client connection, in place of its MqttChannelAdapter and MqttTcpChannel:
/// <list type="bullet">
/// <item>reads through <see cref="PacketReader"/>, many packets per receive and no buffer while idle;</item>
/// <item>writes through <see cref="PacketWriter"/>, each packet with one write and no buffer while idle;</item>
/// <item>holds back a packet while more PUBLISH packets wait in the client's MQTTnet queue, so a subscriber that is
/// behind gets them in one write rather than one write each;</item>
/// <item>writes a QoS 0 delivery straight away on the publisher's thread when nothing is ahead of it for this client
/// (<see cref="TryDeliverDirectly"/>, used by <see cref="DirectDelivery"/>).</item>
/// </list>
/// Errors are reported the way MqttChannelAdapter reports them: cancellation and a closed connection end the receive
/// with null, socket errors become <see cref="MqttCommunicationException"/>.
/// </summary>
internal sealed class StreamChannelAdapter : IMqttChannelAdapter, IPublisherConnection, ICoalescingChannel
{
    /// <summary>Bytes held back at most before they are written even though more packets wait.</summary>
    private const int CoalesceLimitBytes = PacketWriter.BufferBytes;

    /// <summary>The initial size of MQTTnet's encoding buffer; it grows for a bigger packet (MqttBufferWriter.EnsureCapacity).</summary>
    private const int EncodeBufferBytes = 128;

    private readonly Stream _stream;
    private readonly PacketReader _reader;
    private readonly PacketWriter _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly DeliveryFlowControl _flowControl;
    private readonly IConnectionOwner _owner;
    private int _closed;
    private Func<long>? _queuedMessages;
    private bool _queuedMessagesLookedUp;
    private long _bytesReceived;

    /// <summary>
    /// Serves <paramref name="stream"/> for <paramref name="owner"/>, which is told once a CONNACK accepting the client
    /// has been written, and asked how many PUBLISH packets wait in MQTTnet's queue for this client only once the client
    /// has a session, when the first PUBLISH is written to it.
    /// </summary>
    public StreamChannelAdapter(Stream stream, EndPoint localEndPoint, EndPoint remoteEndPoint, int encodeBufferMaxBytes, DeliveryFlowControl flowControl, IConnectionOwner owner)
    {
        _owner = owner;
        _flowControl = flowControl;
        _stream = stream;
        _reader = new PacketReader(stream);
        LocalEndPoint = localEndPoint;
        RemoteEndPoint = remoteEndPoint;
        PacketFormatterAdapter = new MqttPacketFormatterAdapter(new MqttBufferWriter(EncodeBufferBytes, encodeBufferMaxBytes));
        _writer = new PacketWriter(stream, PacketFormatterAdapter);
    }

    /// <inheritdoc />
    public long BytesReceived => Volatile.Read(ref _bytesReceived);

    /// <inheritdoc />
    public long BytesSent => _writer.BytesWritten;

    /// <inheritdoc />
    public X509Certificate2 ClientCertificate => null!;

    /// <inheritdoc />
    public EndPoint RemoteEndPoint { get; }

    /// <inheritdoc />
    public EndPoint LocalEndPoint { get; }

    /// <inheritdoc />
    public bool IsSecureConnection => false;

    /// <inheritdoc />
    public MqttPacketFormatterAdapter PacketFormatterAdapter { get; }

    /// <inheritdoc />
    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        // Server side: the connection is already open when MQTTnet gets it.
        return Task.CompletedTask;
    }

    /// <summary>Whether this client has sent more than MQTTnet has taken from this adapter so far (<see cref="PacketReader.HasMoreInput"/>).</summary>
    public bool IsSendingMore => _reader.HasMoreInput;

    /// <summary>What <see cref="DirectDelivery"/> keeps about this connection; <see cref="TryDeliverDirectly"/> and <see cref="SendPacketAsync"/> keep its counts.</summary>
    public DirectDeliveryState Direct { get; } = new();

    /// <summary>Packets read from this client so far, every one, whether MQTTnet processed it or it was routed inline.</summary>
    public long PacketsRead => _reader.PacketsTaken;

    /// <summary>This client's keep-alive, once it has been accepted (<see cref="KeepAliveMonitor"/>).</summary>
    public KeepAliveDeadline? KeepAlive { get; set; }

    /// <summary>What routes this client's lone QoS 0 publishes, once its CONNECT has arrived (<see cref="PublishInjector.For"/>).</summary>
    public InlinePublisher? Inline { get; set; }

    /// <inheritdoc />
    public ConnectionTakeover Takeover { get; } = new();

    /// <inheritdoc />
    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        Close();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        return ReceivePacketValueAsync(cancellationToken).AsTask();
    }

    /// <summary>
    /// <see cref="ReceivePacketAsync"/> without a task of its own: a packet already read completes at once, and the wait
    /// for the next one uses a pooled state machine. Await the result once, as any pooled ValueTask.
    /// <paramref name="inputArrived"/>: <see cref="WaitForInputAsync"/> has just ended, so the socket is read at once
    /// rather than waited on again.
    /// </summary>
    public ValueTask<MqttPacket> ReceivePacketValueAsync(CancellationToken cancellationToken, bool inputArrived = false)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromResult<MqttPacket>(null!);
        }

        return TryReceiveBuffered(out MqttPacket? packet) ? ValueTask.FromResult(packet) : ReceiveAfterReadAsync(inputArrived, cancellationToken);
    }

    /// <summary>
    /// Takes the next packet if all of it has been read already, without waiting. Throws
    /// <see cref="MqttProtocolViolationException"/> for a malformed packet and <see cref="MqttCommunicationException"/>
    /// for any other decoding failure.
    /// </summary>
    public bool TryReceiveBuffered([NotNullWhen(true)] out MqttPacket? packet)
    {
        try
        {
            packet = _reader.TryTake(out ReceivedMqttPacket received) ? Decode(received) : null;
            return packet is not null;
        }
        catch (Exception exception) when (exception is not MqttProtocolViolationException)
        {
            throw new MqttCommunicationException(exception);
        }
    }

    /// <summary>
    /// Ends when input is there to read, or the client has closed, holding no buffer and no state machine while it waits
    /// (<see cref="PacketReader.WaitForDataAsync"/>); then <see cref="ReceivePacketValueAsync"/> with inputArrived reads
    /// it. Ends at once if unread input is buffered. Await it once, and pass what it throws to <see cref="EndsReceive"/>.
    /// </summary>
    public ValueTask<int> WaitForInputAsync(CancellationToken cancellationToken)
    {
        return _reader.WaitForDataAsync(cancellationToken);
    }

    /// <summary>
    /// Whether <paramref name="exception"/>, from reading this connection, ends the receive the way MqttChannelAdapter
    /// ends it: cancellation and a closed connection with null (<paramref name="failure"/> null), a socket error with
    /// <paramref name="failure"/>, an <see cref="MqttCommunicationException"/> to throw. False for anything else.
    /// </summary>
    public static bool EndsReceive(Exception exception, out MqttCommunicationException? failure)
    {
        failure = exception is IOException or SocketException ? new MqttCommunicationException(exception) : null;
        return failure is not null || exception is OperationCanceledException or ObjectDisposedException;
    }

    /// <inheritdoc />
    public void ResetStatistics()
    {
        Volatile.Write(ref _bytesReceived, 0);
        _writer.ResetStatistics();
    }

    /// <inheritdoc />
    public async Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            bool isPublish = packet is MqttPublishPacket;
            if (isPublish)
            {
                // Before encoding: a packet MQTTnet cannot encode (a QoS 0 copy of a DUP QoS 1 message) has left the
                // queue all the same.
                Direct.CountLeftMqttnetQueue();
            }

            _writer.Append(packet);
            if (isPublish && QueuedMessages() > 0 && _writer.PendingBytes < CoalesceLimitBytes)
            {
                // MQTTnet's send loop comes back for the next one at once (MqttConnectedClient.SendPacketsLoop). Only a
                // cleared queue (MqttSessionStatus.ClearApplicationMessagesQueueAsync, never called here) would leave
                // these bytes waiting for the client's next packet.
                return;
            }

            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (packet is MqttConnAckPacket connAck && IsAccepted(connAck))
            {
                _owner.Accepted(this);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            throw new MqttCommunicationException(exception);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_writer.PendingBytes > 0)
            {
                await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            throw new MqttCommunicationException(exception);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Writes <paramref name="message"/> to this client as a QoS 0 PUBLISH now, on the calling thread, if nothing is ahead
    /// of it: no PUBLISH for this client waits in MQTTnet's queue or is being handed from there to this adapter
    /// (<see cref="DirectDeliveryState.NothingQueuedInMqttnet"/>), and no write is in progress. Returns false, having written nothing, when
    /// something is ahead or the connection is closed; MQTTnet's queue then takes the message, behind the others.
    /// A write the socket cannot take at once finishes in the background, holding back every later write.
    /// </summary>
    public bool TryDeliverDirectly(MqttApplicationMessage message)
    {
        if (!NothingAhead() || !_writeGate.Wait(0))
        {
            return false;
        }

        Task flush;
        try
        {
            // Looked at again inside the gate: a PUBLISH MQTTnet dequeued just now is counted until it has been written.
            if (!NothingAhead())
            {
                _writeGate.Release();
                return false;
            }

            // What MQTTnet makes of a QoS 0 message for an MQTT 3.1.1 subscription (MqttClientSessionsManager.
            // DispatchApplicationMessage): the same topic and payload, no retain flag (it is not a retained delivery).
            _writer.AppendPlainPublish(message);
            flush = _writer.FlushAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is MqttProtocolViolationException or ArgumentException or InvalidOperationException)
        {
            // Not encodable for this client: MQTTnet's own path will report it (Append encodes nothing on failure).
            _writeGate.Release();
            return false;
        }

        Direct.CountDelivered();
        if (flush.IsCompleted)
        {
            EndDirectWrite(flush);
        }
        else
        {
            _ = flush.ContinueWith(static (write, state) => ((StreamChannelAdapter)state!).EndDirectWrite(write), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Close();
        _reader.Dispose();
        _flowControl.Release();

        // A write still in progress (a DISCONNECT sent while the broker stops) gives the buffer back itself.
        if (_writeGate.Wait(0))
        {
            _writer.Dispose();
        }
    }

    private static bool IsAccepted(MqttConnAckPacket connAck)
    {
        return connAck.ReturnCode == MqttConnectReturnCode.ConnectionAccepted && connAck.ReasonCode == MqttConnectReasonCode.Success;
    }

    private bool NothingAhead()
    {
        return Volatile.Read(ref _closed) == 0 && Direct.NothingQueuedInMqttnet;
    }

    private void EndDirectWrite(Task write)
    {
        if (!write.IsCompletedSuccessfully)
        {
            // The connection is broken. Closing it ends MQTTnet's receive loop for this client, as a failed write of its
            // own would (MqttConnectedClient.SendPacketsLoop), and the client's will is published.
            _ = write.Exception;
            Close();
        }

        _writeGate.Release();
    }

    private void Close()
    {
        Volatile.Write(ref _closed, 1);
        _stream.Dispose();
    }

    /// <summary>How many PUBLISH packets still wait in MQTTnet's queue for this client (0 if unknown), told to the flow control.</summary>
    private long QueuedMessages()
    {
        if (!_queuedMessagesLookedUp)
        {
            _queuedMessagesLookedUp = true;
            _queuedMessages = _owner.QueuedMessages();
        }

        if (_queuedMessages is null)
        {
            return 0;
        }

        long queued = _queuedMessages();
        _flowControl.Observe(queued);
        return queued;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<MqttPacket> ReceiveAfterReadAsync(bool inputArrived, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                if (!inputArrived)
                {
                    await _reader.WaitForDataAsync(cancellationToken).ConfigureAwait(false);
                }

                inputArrived = false;
                if (!await _reader.FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null!;
                }

                if (TryReceiveBuffered(out MqttPacket? packet))
                {
                    return packet;
                }
            }
        }
        catch (Exception exception) when (EndsReceive(exception, out MqttCommunicationException? failure))
        {
            return failure is null ? null! : throw failure;
        }
    }

    private MqttPacket Decode(ReceivedMqttPacket pooled)
    {
        // The body gets an array of its own, as in MqttChannelAdapter.ReceiveAsync: MQTTnet's decoders keep a reference
        // to the last buffer they read (MqttBufferReader.SetBuffer), and a reference to the pooled read buffer would keep
        // 16 KiB alive for every idle connection.
        ReceivedMqttPacket received = new(pooled.FixedHeader, new ArraySegment<byte>(pooled.Body.ToArray()), pooled.TotalLength);

        // Back to the pool at once when nothing else is in it, not only at the next read: a connection storm would
        // otherwise hold one read buffer per connection during the whole CONNECT handshake.
        _reader.ReleaseIfEmpty();
        Interlocked.Add(ref _bytesReceived, received.TotalLength);
        if (PacketFormatterAdapter.ProtocolVersion == MqttProtocolVersion.Unknown)
        {
            PacketFormatterAdapter.DetectProtocolVersion(received);
        }

        return PacketFormatterAdapter.Decode(received) ?? throw new MqttProtocolViolationException("Received malformed packet.");
    }
}
