using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.FlowControl;
using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.Broker.Transport.Ordering;
using MQTTnet.Adapter;
using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Transport.MqttNet;

/// <summary>
/// MQTTnet's channel adapter for one connection, with the checks the fast transport's ClientChannelAdapter makes too:
/// the CONNECT is recorded and an empty MQTT 3.1.1 client id filled in (<see cref="PacketChecks"/>), a payload over the
/// limit ends the connection, retained publishes and subscriptions pass <see cref="RetainedRoutingGate"/>, a SUBACK's
/// codes follow the order of its SUBSCRIBE (<see cref="SubAckOrder"/>), every PUBLISH written tells the flow control how
/// far the client is behind.
/// </summary>
internal sealed class CheckedMqttNetChannel : ChannelAdapterDecorator
{
    private readonly TransportSettings _settings;
    private readonly ConnectionProblems _problems;
    private readonly ConnectPackets _connectPackets;
    private readonly DeliveryFlowControl _flowControl;
    private readonly RetainedRoutingGate _routingGate;
    private SubAckOrder? _subAckOrder;
    private MqttConnectPacket? _connect;
    private Func<long>? _queuedMessages;
    private RoutingGateKind? _inGate;

    /// <summary>Wraps <paramref name="inner"/>, which MQTTnet's listener made and disposes.</summary>
    public CheckedMqttNetChannel(IMqttChannelAdapter inner, TransportSettings settings, ConnectionProblems problems, ConnectPackets connectPackets, DeliveryFlowControl flowControl, RetainedRoutingGate routingGate)
        : base(inner)
    {
        _settings = settings;
        _problems = problems;
        _connectPackets = connectPackets;
        _flowControl = flowControl;
        _routingGate = routingGate;
    }

    /// <inheritdoc />
    public override async Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        if (_connect is null)
        {
            return await ReceiveConnectPacketAsync(cancellationToken).ConfigureAwait(false);
        }

        // Asked for the next packet: MQTTnet has processed the one before (MqttConnectedClient.ReceivePackagesLoop).
        LeaveGate();
        MqttPacket packet = await Inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
        if (PacketChecks.IsTooLarge(packet, _settings.MaxPayloadBytes))
        {
            _problems.Rejected(RemoteEndPoint, new PacketGuardRejection(RejectionKind.PayloadTooLarge, ((MqttPublishPacket)packet).Payload.Length, []));
            return null!;
        }

        if (PacketChecks.GateKindOf(packet) is RoutingGateKind kind)
        {
            if (packet is MqttSubscribePacket subscribe)
            {
                SubAckOrder.Remember(ref _subAckOrder, subscribe);
            }

            await _routingGate.EnterAsync(kind).ConfigureAwait(false);
            _inGate = kind;
        }

        return packet;
    }

    /// <inheritdoc />
    public override async Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        if (packet is MqttSubAckPacket subAck)
        {
            Volatile.Read(ref _subAckOrder)?.Restore(subAck);
        }

        await Inner.SendPacketAsync(packet, cancellationToken).ConfigureAwait(false);
        if (packet is MqttPublishPacket && QueuedMessages() is { } queued)
        {
            _flowControl.Observe(queued());
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        // MQTTnet disposes the adapter it was given; the one inside belongs to MqttTcpServerListener.
        LeaveGate();
    }

    /// <summary>MQTTnet has finished with the connection: it is forgotten, and publishers waiting for it go on.</summary>
    public void Ended()
    {
        LeaveGate();
        _connectPackets.Forget(RemoteEndPoint);
        _flowControl.Release();
    }

    private async Task<MqttPacket> ReceiveConnectPacketAsync(CancellationToken cancellationToken)
    {
        // The guarded stream underneath has refused a first packet that is not a CONNECT, and GuardedListener reports
        // a connection that ends before one arrived.
        MqttPacket packet = await Inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);

        // Off the socket event thread that may have completed the read (the broker runs socket completions inline:
        // Broker/Hosting/SocketCompletions.cs): MQTTnet checks the credentials next, and a PBKDF2 hash holds the thread.
        await Task.Yield();
        if (packet is MqttConnectPacket connect)
        {
            PacketChecks.AssignClientIdIfMissing(connect, PacketFormatterAdapter.ProtocolVersion, _settings.AssignClientId);
            _connect = connect;
            _connectPackets.Record(RemoteEndPoint, connect);
        }

        return packet;
    }

    private Func<long>? QueuedMessages()
    {
        return _queuedMessages ??= _connect is null ? null : _flowControl.QueuedMessagesOf(_connect.ClientId);
    }

    private void LeaveGate()
    {
        if (_inGate is RoutingGateKind kind)
        {
            _inGate = null;
            _routingGate.Exit(kind);
        }
    }
}
