using System.Net;
using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.Framing;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport.Listening;

/// <summary>
/// A listener for MQTTnet over the <see cref="GuardedListener"/>, as both transports have one: MQTTnet starts and stops
/// it, and each connection it accepts, or that another listener hands it (a TLS stream after its handshake), is served
/// by the transport's own <see cref="ServeAsync(PacketGuardStream, IPEndPoint, IPEndPoint, Func{IMqttChannelAdapter, Task})"/>.
/// </summary>
internal abstract class GuardedServerAdapter : IMqttServerAdapter
{
    private readonly AcrossConnections _across;
    private readonly GuardedListener _listener;

    /// <summary>Creates the adapter; nothing is bound until MQTTnet starts it.</summary>
    protected GuardedServerAdapter(TransportSettings settings, ConnectionProblems problems, AcrossConnections across)
    {
        _across = across;
        _listener = new GuardedListener(settings, problems, ServeAcceptedAsync);
    }

    /// <inheritdoc />
    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>The address and real port listened on, once started.</summary>
    public IPEndPoint? LocalEndPoint => _listener.LocalEndPoint;

    /// <summary>The server's options, once MQTTnet has started the adapter.</summary>
    protected MqttServerOptions? ServerOptions { get; private set; }

    /// <summary>MQTTnet's logger, once MQTTnet has started the adapter.</summary>
    protected IMqttNetLogger? Logger { get; private set; }

    /// <inheritdoc />
    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        ServerOptions = options;
        Logger = logger;
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
        return _listener.ServeAsync(connection, remote, (guard, _, _) => ServeIfStartedAsync(guard, localEndPoint, remote, clientHandler));
    }

    /// <summary>
    /// Serves one connection, through <paramref name="guard"/>, with MQTTnet's <paramref name="clientHandler"/>; ends when
    /// MQTTnet has finished with it. Called once the server has started.
    /// </summary>
    protected abstract Task ServeAsync(PacketGuardStream guard, IPEndPoint localEndPoint, IPEndPoint remote, Func<IMqttChannelAdapter, Task> clientHandler);

    private Task ServeAcceptedAsync(PacketGuardStream guard, IPEndPoint remote, CancellationToken stopping)
    {
        return ServeIfStartedAsync(guard, LocalEndPoint!, remote, ClientHandler);
    }

    private Task ServeIfStartedAsync(PacketGuardStream guard, IPEndPoint localEndPoint, IPEndPoint remote, Func<IMqttChannelAdapter, Task>? clientHandler)
    {
        return clientHandler is null || ServerOptions is null ? Task.CompletedTask : ServeAsync(guard, localEndPoint, remote, clientHandler);
    }
}
