using System.Net;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.FlowControl;
using Esp32Mqtt.Broker.Transport.Listening;
using Esp32Mqtt.Broker.Transport.Ordering;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;
using MQTTnet.Server.Internal.Adapter;

namespace Esp32Mqtt.Broker.Transport.MqttNetTcp;

/// <summary>
/// MQTTnet's own TCP listener (MqttTcpServerAdapter, MQTTnet.Server 5.2), set up from the broker's settings, with every
/// connection it accepts wrapped in a <see cref="CheckedMqttNetChannel"/>, and a bind failure turned into one clear line.
/// </summary>
internal sealed class MqttNetTcpServerAdapter : IMqttServerAdapter
{
    private readonly TransportSettings _settings;
    private readonly ConnectionProblems _problems;
    private readonly ConnectPackets _connectPackets;
    private readonly DeliveryFlowControl _flowControl;
    private readonly RetainedRoutingGate _routingGate;
    private readonly ClientIdTurns _turns;
    private readonly MqttTcpServerAdapter _inner = new();
    private IPAddress _boundAddress = IPAddress.Any;
    private MqttServerTcpEndpointOptions? _endpoint;
    private MqttServerOptions? _ownOptions;
    private IMqttNetLogger? _logger;

    /// <summary>Creates the adapter; nothing is bound until MQTTnet starts it.</summary>
    public MqttNetTcpServerAdapter(TransportSettings settings, ConnectionProblems problems, ConnectPackets connectPackets, DeliveryFlowControl flowControl, RetainedRoutingGate routingGate, ClientIdTurns turns)
    {
        _turns = turns;
        _settings = settings;
        _problems = problems;
        _connectPackets = connectPackets;
        _flowControl = flowControl;
        _routingGate = routingGate;
        _inner.ClientHandler = ServeAsync;
    }

    /// <inheritdoc />
    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>The address and real port listened on, once started.</summary>
    public IPEndPoint? LocalEndPoint => _endpoint is null ? null : new IPEndPoint(_boundAddress, _endpoint.Port);

    /// <inheritdoc />
    public async Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        // The listener gets options of its own: the server's are shared with any other adapter (a TLS listener), which
        // must not open this plain endpoint too. MqttTcpServerListener binds one socket per address family from them,
        // and writes the port the system chose back into them when Port is 0. ReuseAddress stays off: on Linux .NET
        // would also set SO_REUSEPORT, and a second broker on the same port would then take half of the connections
        // without any error.
        MqttServerOptions own = new() { WriterBufferSize = options.WriterBufferSize, WriterBufferSizeMax = options.WriterBufferSizeMax };
        _ownOptions = own;
        _logger = logger;
        MqttServerTcpEndpointOptions endpoint = own.DefaultEndpointOptions;
        endpoint.IsEnabled = true;
        endpoint.Port = _settings.Port;
        endpoint.ReuseAddress = false;
        if (_settings.BindAddress == TransportSettings.AllInterfaces)
        {
            endpoint.BoundInterNetworkAddress = IPAddress.Any;
            endpoint.BoundInterNetworkV6Address = Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.None;
        }
        else
        {
            _boundAddress = IPAddress.Parse(_settings.BindAddress);
            bool v6 = _boundAddress.AddressFamily == AddressFamily.InterNetworkV6;
            endpoint.BoundInterNetworkAddress = v6 ? IPAddress.None : _boundAddress;
            endpoint.BoundInterNetworkV6Address = v6 ? _boundAddress : IPAddress.None;
        }

        try
        {
            await _inner.StartAsync(own, logger).ConfigureAwait(false);
        }
        catch (SocketException exception)
        {
            _inner.Dispose();
            throw new ListenerException(ListenerSocket.Explain(exception, _boundAddress, _settings.Port), exception);
        }

        _endpoint = endpoint;
    }

    /// <inheritdoc />
    public Task StopAsync()
    {
        return _inner.StopAsync();
    }

    /// <summary>Closes the listening sockets; connections already open go on (MqttTcpServerListener.Dispose closes only its own socket).</summary>
    public void StopAccepting()
    {
        _inner.StopAsync().GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _inner.Dispose();
    }

    /// <summary>
    /// Serves a connection another listener opened (a TLS stream after its handshake) with <paramref name="clientHandler"/>,
    /// through MQTTnet's channel adapter as MqttTcpServerListener.TryHandleClientConnectionAsync makes it for its own.
    /// </summary>
    public async Task ServeAsync(Stream connection, IPEndPoint localEndPoint, IPEndPoint remoteEndPoint, Func<IMqttChannelAdapter, Task> clientHandler)
    {
        MqttServerOptions options = _ownOptions ?? throw new InvalidOperationException("The listener has not been started.");
        await using (connection.ConfigureAwait(false))
        {
            MqttTcpChannel channel = new(connection, localEndPoint, remoteEndPoint, clientCertificate: null!);
            MqttPacketFormatterAdapter formatter = new(new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
            using MqttChannelAdapter adapter = new(channel, formatter, _logger!);
            await ServeCheckedAsync(clientHandler, adapter).ConfigureAwait(false);
        }
    }

    private Task ServeAsync(IMqttChannelAdapter channel)
    {
        Func<IMqttChannelAdapter, Task>? clientHandler = ClientHandler;
        if (clientHandler is null)
        {
            return Task.CompletedTask;
        }

        return ServeCheckedAsync(clientHandler, channel);
    }

    private async Task ServeCheckedAsync(Func<IMqttChannelAdapter, Task> clientHandler, IMqttChannelAdapter channel)
    {
        // MqttTcpServerListener disposes the channel it made once this returns.
        CheckedMqttNetChannel checkedChannel = new(channel, _settings, _problems, _connectPackets, _flowControl, _routingGate);
        TurnTakingChannel turnTaking = new(checkedChannel, _turns);
        try
        {
            await clientHandler(turnTaking).ConfigureAwait(false);
        }
        finally
        {
            turnTaking.Finish();
            checkedChannel.Ended();
        }
    }
}
