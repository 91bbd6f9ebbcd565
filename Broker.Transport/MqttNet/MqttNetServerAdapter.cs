using System.Net;
using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.FlowControl;
using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.Broker.Transport.Listening;
using Esp32Mqtt.Broker.Transport.Ordering;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport.MqttNet;

/// <summary>
/// The plain transport's listener for MQTTnet: every connection the <see cref="GuardedListener"/> accepts is served by
/// MQTTnet's own channel adapter (MqttChannelAdapter over MqttTcpChannel, as MQTTnet.Server 5.2's MqttTcpServerListener
/// makes them), with the checks every connection needs around it (<see cref="CheckedMqttNetChannel"/>). Only MQTTnet's
/// public API is used, so an MQTTnet upgrade that breaks the fast transport's shortcuts leaves this one working.
/// </summary>
internal sealed class MqttNetServerAdapter : IMqttServerAdapter
{
    private readonly TransportSettings _settings;
    private readonly ConnectionProblems _problems;
    private readonly ConnectPackets _connectPackets;
    private readonly DeliveryFlowControl _flowControl;
    private readonly AcrossConnections _across;
    private readonly GuardedListener _listener;
    private MqttServerOptions? _serverOptions;
    private IMqttNetLogger? _logger;

    /// <summary>Creates the adapter; nothing is bound until MQTTnet starts it.</summary>
    public MqttNetServerAdapter(TransportSettings settings, ConnectionProblems problems, ConnectPackets connectPackets, DeliveryFlowControl flowControl, AcrossConnections across)
    {
        _settings = settings;
        _problems = problems;
        _connectPackets = connectPackets;
        _flowControl = flowControl;
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
        _logger = logger;
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
        if (clientHandler is null || _serverOptions is null || _logger is null)
        {
            return;
        }

        MqttTcpChannel channel = new(guard, localEndPoint, remote, clientCertificate: null!);
        MqttPacketFormatterAdapter formatter = new(new MqttBufferWriter(_serverOptions.WriterBufferSize, _serverOptions.WriterBufferSizeMax));
        using MqttChannelAdapter mqttnetAdapter = new(channel, formatter, _logger);
        CheckedMqttNetChannel checkedChannel = new(mqttnetAdapter, _settings, _problems, _connectPackets, _flowControl, _across.RoutingGate);
        TurnTakingChannel turnTaking = _across.Wrap(checkedChannel);
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
