using System.Net;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.FlowControl;
using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.Broker.Transport.KeepAlive;
using Esp32Mqtt.Broker.Transport.Listening;
using Esp32Mqtt.Broker.Transport.Ordering;
using Esp32Mqtt.Broker.Transport.Shortcuts;
using MQTTnet.Adapter;
using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Transport.Channels;

/// <summary>
/// The fast transport's listener for MQTTnet: every connection the <see cref="GuardedListener"/> accepts is served
/// through <see cref="StreamChannelAdapter"/> and <see cref="ClientChannelAdapter"/> rather than MQTTnet's
/// MqttChannelAdapter and MqttTcpChannel, and its connections are known to the shortcuts past MQTTnet's queues.
/// </summary>
internal sealed class FastServerAdapter : GuardedServerAdapter
{
    private readonly TransportSettings _settings;
    private readonly ConnectionProblems _problems;
    private readonly ConnectPackets _directory;
    private readonly DeliveryFlowControl _flowControl;
    private readonly AcceptedConnections _clientConnections;
    private readonly PublishInjector _inlinePublishing;
    private readonly AcrossConnections _across;

    /// <summary>Creates the adapter; nothing is bound until MQTTnet starts it.</summary>
    public FastServerAdapter(TransportSettings settings, ConnectionProblems problems, ConnectPackets directory, DeliveryFlowControl flowControl, AcceptedConnections clientConnections, PublishInjector inlinePublishing, AcrossConnections across)
        : base(settings, problems, across)
    {
        _settings = settings;
        _problems = problems;
        _directory = directory;
        _flowControl = flowControl;
        _clientConnections = clientConnections;
        _inlinePublishing = inlinePublishing;
        _across = across;
    }

    /// <inheritdoc />
    protected override async Task ServeAsync(PacketGuardStream guard, IPEndPoint localEndPoint, IPEndPoint remote, Func<IMqttChannelAdapter, Task> clientHandler)
    {
        ServedConnection served = new(this, remote);
        try
        {
            served.Adapter = new(guard, localEndPoint, remote, ServerOptions!.WriterBufferSizeMax, _flowControl, served);

            // The wrapper owns the channel adapter and disposes it.
            using ClientChannelAdapter clientAdapter = new(served.Adapter, served, _across.RoutingGate, _settings);
            TurnTakingChannel turnTaking = _across.Wrap(clientAdapter);
            try
            {
                await clientHandler(turnTaking).ConfigureAwait(false);
            }
            finally
            {
                turnTaking.Finish();
            }
        }
        finally
        {
            if (served is { Connect: { } connect, Adapter: { } adapter })
            {
                _clientConnections.Closed(connect.ClientId, adapter);
            }

            _directory.Forget(remote);
        }
    }

    /// <summary>One connection as this listener serves it: what its adapters report and ask (<see cref="IConnectionOwner"/>).</summary>
    private sealed class ServedConnection(FastServerAdapter server, IPEndPoint remote) : IConnectionOwner
    {
        /// <summary>The client's CONNECT, once it has arrived.</summary>
        public MqttConnectPacket? Connect { get; private set; }

        /// <summary>The connection's channel adapter, once made.</summary>
        public StreamChannelAdapter? Adapter { get; set; }

        /// <inheritdoc />
        public InlinePublisher Connecting(MqttConnectPacket connect)
        {
            StreamChannelAdapter adapter = Adapter ?? throw new InvalidOperationException("The channel adapter has not been made.");
            Connect = connect;
            server._directory.Record(remote, connect);
            server._clientConnections.Connecting(connect.ClientId, adapter);
            return server._inlinePublishing.For(connect, adapter);
        }

        /// <inheritdoc />
        public void Accepted(StreamChannelAdapter connection)
        {
            MqttConnectPacket connect = Connect ?? throw new InvalidOperationException("A CONNACK was written before the CONNECT arrived.");
            DirectDelivery.Accepted(connect, connection);
            connection.KeepAlive = new KeepAliveDeadline(connect.KeepAlivePeriod);
            server._clientConnections.Accepted(connect.ClientId, connection);
        }

        /// <inheritdoc />
        public Func<long>? QueuedMessages()
        {
            return string.IsNullOrEmpty(Connect?.ClientId) ? null : server._flowControl.QueuedMessagesOf(Connect.ClientId);
        }

        /// <inheritdoc />
        public void Rejected(PacketGuardRejection rejection)
        {
            server._problems.Rejected(remote, rejection);
        }
    }
}
