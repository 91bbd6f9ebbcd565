using System.Net;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.FlowControl;
using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.Broker.Transport.KeepAlive;
using Esp32Mqtt.Broker.Transport.Listening;
using Esp32Mqtt.Broker.Transport.Ordering;
using Esp32Mqtt.Broker.Transport.Shortcuts;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport.Channels;

/// <summary>
/// The fast transport's listener for MQTTnet: every connection the <see cref="GuardedListener"/> accepts is served
/// through <see cref="StreamChannelAdapter"/> and <see cref="ClientChannelAdapter"/> rather than MQTTnet's
/// MqttChannelAdapter and MqttTcpChannel, and its connections are known to the shortcuts past MQTTnet's queues.
/// </summary>
internal sealed class FastServerAdapter : IMqttServerAdapter
{
    private readonly TransportSettings _settings;
    private readonly ConnectionProblems _problems;
    private readonly ConnectPackets _directory;
    private readonly DeliveryFlowControl _flowControl;
    private readonly AcceptedConnections _clientConnections;
    private readonly PublishInjector _inlinePublishing;
    private readonly AcrossConnections _across;
    private readonly GuardedListener _listener;
    private MqttServerOptions? _serverOptions;

    /// <summary>Creates the adapter; nothing is bound until MQTTnet starts it.</summary>
    public FastServerAdapter(TransportSettings settings, ConnectionProblems problems, ConnectPackets directory, DeliveryFlowControl flowControl, AcceptedConnections clientConnections, PublishInjector inlinePublishing, AcrossConnections across)
    {
        _settings = settings;
        _problems = problems;
        _directory = directory;
        _flowControl = flowControl;
        _clientConnections = clientConnections;
        _inlinePublishing = inlinePublishing;
        _across = across;
        _listener = new GuardedListener(settings, problems, ServeAsync);
    }

    /// <inheritdoc />
    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>The address and real port listened on, once started.</summary>
    public IPEndPoint? LocalEndPoint => _listener.LocalEndPoint;

    /// <inheritdoc />
    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        _serverOptions = options;
        _across.Starting();
        _listener.Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync()
    {
        _listener.CloseAll();
        return Task.CompletedTask;
    }

    /// <summary>Closes the listening socket; connections already open go on.</summary>
    public void StopAccepting()
    {
        _listener.StopAccepting();
    }

    /// <summary>Completes once accepting has stopped and every connection has ended.</summary>
    public Task WhenAllEndedAsync()
    {
        return _listener.WhenAllEndedAsync();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _listener.Dispose();
    }

    /// <summary>
    /// Serves a connection another listener of the server opened (a TLS stream after its handshake) with that listener's
    /// <paramref name="clientHandler"/>, as this adapter serves its own (<see cref="IBrokerTransport.ServeAsync"/>).
    /// </summary>
    public Task ServeAsync(Stream connection, IPEndPoint localEndPoint, IPEndPoint remote, Func<IMqttChannelAdapter, Task> clientHandler)
    {
        return _listener.ServeAsync(connection, remote, (guard, _, _) => ServeAsync(guard, localEndPoint, remote, clientHandler));
    }

    private Task ServeAsync(PacketGuardStream guard, IPEndPoint remote, CancellationToken stopping)
    {
        return ServeAsync(guard, LocalEndPoint!, remote, ClientHandler);
    }

    private async Task ServeAsync(PacketGuardStream guard, IPEndPoint localEndPoint, IPEndPoint remote, Func<IMqttChannelAdapter, Task>? clientHandler)
    {
        if (clientHandler is null || _serverOptions is null)
        {
            return;
        }

        ServedConnection served = new(this, remote);
        try
        {
            served.Adapter = new(guard, localEndPoint, remote, _serverOptions.WriterBufferSizeMax, _flowControl, served);

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
