using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.FlowControl;
using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.Broker.Transport.KeepAlive;
using Esp32Mqtt.Broker.Transport.Ordering;
using Esp32Mqtt.Broker.Transport.Shortcuts;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport.Listening;

/// <summary>
/// The TCP listener MQTTnet serves clients through, in place of its built-in one: it binds the socket itself
/// (so the real port is known when <c>Port</c> is 0, and a bind failure becomes one clear line), puts a
/// <see cref="PacketGuardStream"/> under every connection, and serves it through <see cref="StreamChannelAdapter"/>
/// rather than MQTTnet's MqttChannelAdapter and MqttTcpChannel.
/// </summary>
internal sealed class GuardedTcpServerAdapter : IMqttServerAdapter
{
    private readonly TransportSettings _settings;
    private readonly ConnectionProblems _problems;
    private readonly ConnectPackets _directory;
    private readonly DeliveryFlowControl _flowControl;
    private readonly AcceptedConnections _clientConnections;
    private readonly PublishInjector _inlinePublishing;
    private readonly RetainedRoutingGate _routingGate;
    private readonly ClientIdTurns _turns;
    private readonly ConcurrentDictionary<PacketGuardStream, byte> _openConnections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private MqttServerOptions? _serverOptions;

    /// <summary>Creates the adapter; nothing is bound until MQTTnet starts it.</summary>
    public GuardedTcpServerAdapter(TransportSettings settings, ConnectionProblems problems, ConnectPackets directory, DeliveryFlowControl flowControl, AcceptedConnections clientConnections, PublishInjector inlinePublishing, RetainedRoutingGate routingGate, ClientIdTurns turns)
    {
        _turns = turns;
        _settings = settings;
        _problems = problems;
        _directory = directory;
        _flowControl = flowControl;
        _clientConnections = clientConnections;
        _inlinePublishing = inlinePublishing;
        _routingGate = routingGate;
    }

    /// <inheritdoc />
    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>The address and real port listened on, once started.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <inheritdoc />
    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        _serverOptions = options;
        _listener = ListenerSocket.Open(_settings.BindAddress, _settings.Port);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        _ = Task.Run(() => AcceptConnectionsAsync(_listener, _stopping.Token));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync()
    {
        StopAccepting();
        foreach (PacketGuardStream connection in _openConnections.Keys)
        {
            connection.Dispose();
        }

        return Task.CompletedTask;
    }

    /// <summary>Closes the listening socket; connections already open go on.</summary>
    public void StopAccepting()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }

        _listener?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        StopAsync().GetAwaiter().GetResult();
        _stopping.Dispose();
    }

    private async Task AcceptConnectionsAsync(Socket listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException || stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                // A connection that was reset while waiting in the backlog: only that client is affected.
                continue;
            }

            // Queued as a work item rather than with Task.Run, whose promise would stay for the connection's life.
            ThreadPool.QueueUserWorkItem(static state => _ = state.Server.ServeAsync(state.Client, state.Stopping), (Server: this, Client: client, Stopping: stopping), preferLocal: false);
        }
    }

    /// <summary>
    /// Serves a connection that another listener accepted and opened, whose bytes come through <paramref name="connection"/>
    /// (a TLS stream after its handshake), with that listener's <paramref name="clientHandler"/>, as this listener serves
    /// its own: guarded, watched for its keep-alive, and closed when the server stops. Owns <paramref name="connection"/>.
    /// </summary>
    public Task ServeAsync(Stream connection, IPEndPoint localEndPoint, IPEndPoint remote, Func<IMqttChannelAdapter, Task> clientHandler)
    {
        return ServeAsync(remote, localEndPoint, rejected => new PacketGuardStream(connection, _settings.MaxPacketBytes, rejected), clientHandler, _stopping.Token);
    }

    private Task ServeAsync(Socket socket, CancellationToken stopping)
    {
        IPEndPoint remote = (IPEndPoint)socket.RemoteEndPoint!;
        socket.NoDelay = true;
        return ServeAsync(remote, LocalEndPoint!, rejected => PacketGuardStream.OverSocket(socket, _settings.MaxPacketBytes, rejected), ClientHandler, stopping);
    }

    private async Task ServeAsync(IPEndPoint remote, IPEndPoint local, Func<Action<PacketGuardRejection>, PacketGuardStream> guardConnection, Func<IMqttChannelAdapter, Task>? clientHandler, CancellationToken stopping)
    {
        ServedConnection served = new(this, remote);
        PacketGuardStream guard = guardConnection(served.Rejected);
        _openConnections.TryAdd(guard, 0);
        try
        {
            if (clientHandler is null || _serverOptions is null)
            {
                return;
            }

            served.Adapter = new(guard, local, remote, _serverOptions.WriterBufferSizeMax, _flowControl, served);

            // The wrapper owns the channel adapter and disposes it.
            using ClientChannelAdapter clientAdapter = new(served.Adapter, served, _routingGate, _settings);
            TurnTakingChannel turnTaking = new(clientAdapter, _turns);
            try
            {
                await clientHandler(turnTaking).ConfigureAwait(false);
            }
            finally
            {
                turnTaking.Finish();
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection broke; MQTTnet has already ended that client's session and nothing else is affected.
        }
        finally
        {
            _openConnections.TryRemove(guard, out _);
            if (served is { Connect: { } connect, Adapter: { } adapter })
            {
                _clientConnections.Closed(connect.ClientId, adapter);
            }

            _directory.Forget(remote);
            await guard.DisposeAsync().ConfigureAwait(false);
            _problems.Ended(remote, guard, stopping.IsCancellationRequested);
        }
    }

    /// <summary>One connection as this listener serves it: what its adapters report and ask (<see cref="IConnectionOwner"/>).</summary>
    private sealed class ServedConnection(GuardedTcpServerAdapter server, IPEndPoint remote) : IConnectionOwner
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
