using System.Net;
using System.Security.Cryptography.X509Certificates;
using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.Broker.Transport.Ordering;
using Esp32Mqtt.Broker.Transport.Shortcuts;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Transport.Channels;

/// <summary>
/// Wraps a connection's <see cref="StreamChannelAdapter"/> to look at packets before MQTTnet processes them:
/// <list type="bullet">
/// <item>the first: gives an MQTT 3.1/3.1.1 client that sent an empty client id one of its own
/// (<see cref="PacketChecks.AssignClientIdIfMissing"/>) and tells the owner, which records the CONNECT;</item>
/// <item>a PUBLISH whose payload is over Broker:MaxPayloadBytes: closes the connection (PacketGuardStream has already
/// refused any packet too big to be read, but a packet's length also counts its topic and properties);</item>
/// <item>a SUBSCRIBE: its SUBACK's codes are put in the order of its filters (<see cref="SubAckOrder"/>);</item>
/// <item>retained PUBLISHes and SUBSCRIBEs: each is processed inside <see cref="RetainedRoutingGate"/>. MQTTnet asks for
/// the next packet only once it has processed the last one (MqttConnectedClient.ReceivePackagesLoop), so the gate is
/// left when the next packet is asked for, or once a publish routed here has been routed.</item>
/// <item>a lone QoS 0 PUBLISH: routed here, on the thread that read it, through <see cref="InlinePublisher"/>; MQTTnet's
/// receive loop then never sees it, and the read of the next packet starts at once.</item>
/// </list>
/// </summary>
internal sealed class ClientChannelAdapter : IMqttChannelAdapter, ICoalescingChannel
{
    private readonly StreamChannelAdapter _inner;
    private readonly IConnectionOwner _owner;
    private readonly RetainedRoutingGate _routingGate;
    private readonly TransportSettings _settings;
    private SubAckOrder? _subAckOrder;
    private InlinePublisher? _publisher;
    private RoutingGateKind? _inGate;

    /// <summary>
    /// Wraps <paramref name="inner"/>; <paramref name="owner"/> sees the CONNECT packet and gives what routes that
    /// client's lone QoS 0 publishes, retained publishes and subscriptions pass <paramref name="routingGate"/>, and a
    /// payload over <paramref name="settings"/>' MaxPayloadBytes is reported to <paramref name="owner"/> and ends the connection.
    /// </summary>
    public ClientChannelAdapter(StreamChannelAdapter inner, IConnectionOwner owner, RetainedRoutingGate routingGate, TransportSettings settings)
    {
        _inner = inner;
        _owner = owner;
        _routingGate = routingGate;
        _settings = settings;
    }

    /// <inheritdoc />
    public long BytesReceived => _inner.BytesReceived;

    /// <inheritdoc />
    public long BytesSent => _inner.BytesSent;

    /// <inheritdoc />
    public X509Certificate2 ClientCertificate => _inner.ClientCertificate;

    /// <inheritdoc />
    public EndPoint RemoteEndPoint => _inner.RemoteEndPoint;

    /// <inheritdoc />
    public EndPoint LocalEndPoint => _inner.LocalEndPoint;

    /// <inheritdoc />
    public bool IsSecureConnection => _inner.IsSecureConnection;

    /// <inheritdoc />
    public MqttPacketFormatterAdapter PacketFormatterAdapter => _inner.PacketFormatterAdapter;

    /// <inheritdoc />
    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        return _inner.ConnectAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        return _inner.DisconnectAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        if (_publisher is null)
        {
            return ReceiveConnectPacketAsync(cancellationToken);
        }

        // Asked for the next packet: the one before has been processed.
        LeaveGate();
        if (cancellationToken.IsCancellationRequested || !_inner.TryReceiveBuffered(out MqttPacket? packet))
        {
            return ReceiveCheckedAsync(null, firstIsTaken: false, _publisher, cancellationToken);
        }

        // Read already: what follows works with the packet, and without a state machine when MQTTnet is to process it.
        if (PacketChecks.GateKindOf(packet) is null && !PacketChecks.IsTooLarge(packet, _settings.MaxPayloadBytes))
        {
            if (_publisher.Takes(packet, cancellationToken))
            {
                return ReceiveCheckedAsync(packet, firstIsTaken: true, _publisher, cancellationToken);
            }

            // The common case for a client sending a stream (a PUBLISH with more behind it, a PUBACK).
            return Task.FromResult(packet);
        }

        return ReceiveCheckedAsync(packet, firstIsTaken: false, _publisher, cancellationToken);
    }

    /// <inheritdoc />
    public void ResetStatistics()
    {
        _inner.ResetStatistics();
    }

    /// <inheritdoc />
    public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        if (packet is MqttSubAckPacket subAck)
        {
            Volatile.Read(ref _subAckOrder)?.Restore(subAck);
        }

        return _inner.SendPacketAsync(packet, cancellationToken);
    }

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        return _inner.FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        LeaveGate();
        _inner.Dispose();
    }

    /// <summary>
    /// Reads and checks packets, routes the ones <paramref name="publisher"/> takes, and returns the first one for MQTTnet.
    /// <paramref name="first"/>, if not null, is a packet the caller has read already. <paramref name="firstIsTaken"/>:
    /// the caller has checked it and <paramref name="publisher"/> takes it (it is neither too large nor gated), so it is
    /// routed without being looked at twice.
    /// While the client is silent this method's state machine is the only one waiting, on the socket's zero-byte read
    /// (<see cref="StreamChannelAdapter.WaitForInputAsync"/>), and a lone publish is read, routed and followed by the
    /// next wait within it, with no other state machine to resume.
    /// </summary>
    private async Task<MqttPacket> ReceiveCheckedAsync(MqttPacket? first, bool firstIsTaken, InlinePublisher publisher, CancellationToken cancellationToken)
    {
        MqttPacket? packet = first;
        bool taken = first is not null && firstIsTaken;
        while (true)
        {
            if (packet is null)
            {
                try
                {
                    await _inner.WaitForInputAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (StreamChannelAdapter.EndsReceive(exception, out MqttCommunicationException? failure))
                {
                    return failure is null ? null! : throw failure;
                }

                packet = await _inner.ReceivePacketValueAsync(cancellationToken, inputArrived: true).ConfigureAwait(false);
            }

            if (!taken)
            {
                if (PacketChecks.IsTooLarge(packet, _settings.MaxPayloadBytes))
                {
                    // Ends the connection the way a closed socket does (MqttConnectedClient.ReceivePackagesLoop stops on
                    // null): not a clean disconnect, so the client's will is published.
                    _owner.Rejected(new PacketGuardRejection(RejectionKind.PayloadTooLarge, ((MqttPublishPacket)packet!).Payload.Length, []));
                    return null!;
                }

                await EnterGateIfNeededAsync(packet).ConfigureAwait(false);
                taken = packet is not null && publisher.Takes(packet, cancellationToken);
            }

            if (!taken)
            {
                return packet!;
            }

            // Routed on this thread; MQTTnet, still waiting for a packet, does not see it. If routing fails, MQTTnet's
            // loop ends the connection, as it would have on its own path.
            try
            {
                await publisher.PublishAsync(packet!, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                LeaveGate();
            }

            packet = null;
            taken = false;
        }
    }

    private async ValueTask EnterGateIfNeededAsync(MqttPacket? packet)
    {
        if (PacketChecks.GateKindOf(packet) is RoutingGateKind kind)
        {
            if (packet is MqttSubscribePacket subscribe)
            {
                SubAckOrder.Remember(ref _subAckOrder, subscribe);
            }

            await _routingGate.EnterAsync(kind).ConfigureAwait(false);
            _inGate = kind;
        }
    }

    private void LeaveGate()
    {
        if (_inGate is RoutingGateKind kind)
        {
            _inGate = null;
            _routingGate.Exit(kind);
        }
    }

    private async Task<MqttPacket> ReceiveConnectPacketAsync(CancellationToken cancellationToken)
    {
        MqttPacket packet = await _inner.ReceivePacketValueAsync(cancellationToken).ConfigureAwait(false);

        // Off the socket event thread that may have completed the read (the broker runs socket completions inline:
        // Broker/Hosting/SocketCompletions.cs): MQTTnet checks
        // the credentials next, and a PBKDF2 hash (ConnectionAuthenticator) would hold up every other connection on it.
        await Task.Yield();
        if (packet is MqttConnectPacket connectPacket)
        {
            PacketChecks.AssignClientIdIfMissing(connectPacket, PacketFormatterAdapter.ProtocolVersion, _settings.AssignClientId);
            _publisher = _owner.Connecting(connectPacket);
        }

        return packet;
    }
}
