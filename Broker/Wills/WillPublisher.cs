using System.Net;
using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.Broker.Sessions;
using Esp32Mqtt.Broker.Transport;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Wills;

/// <summary>
/// Publishes the wills MQTTnet 5.2 leaves out or gets wrong:
/// <list type="bullet">
/// <item>the will of a client whose connection was taken over by a new connection with the same client id. The broker
/// closes the old connection without a DISCONNECT from the client, which is when MQTT publishes a will (OASIS MQTT 3.1.1
/// sections 3.1.2.5 and 3.1.4; MQTT 5.0 section 3.1.4 says so in as many words), and Mosquitto 2.0 does; MQTTnet skips
/// it for a taken-over connection (MqttConnectedClient.RunAsync checks !IsTakenOver);</item>
/// <item>every MQTT 5 will, which the transport keeps from MQTTnet (<see cref="IBrokerTransport.FindKeptWill"/>): it is
/// published when <see cref="WillTiming"/> says, after its Will Delay Interval or when the session ends, and not at all
/// if the client connects again in time (MQTT 5.0 section 3.1.3.2.2), with its expiry counted from then
/// (section 3.1.3.2.4). A will still waiting when the broker stops is not published: the sessions it waited for end
/// with the broker, and a board that reconnects after the restart would otherwise show as gone.</item>
/// </list>
/// MQTTnet itself publishes the will of an MQTT 3.1 or 3.1.1 client whose connection was lost.
/// </summary>
public sealed partial class WillPublisher : IDisposable
{
    private readonly IBrokerTransport _transport;
    private readonly TrafficEvents _events;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WaitingWill> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EndPoint> _connected = new(StringComparer.Ordinal);
    private readonly Dictionary<EndPoint, MqttConnectPacket> _withWill = [];
    private MqttServer? _server;
    private bool _disposed;

    /// <summary>Finds wills through <paramref name="transport"/>, raises what happens to delayed ones on <paramref name="events"/>.</summary>
    public WillPublisher(IBrokerTransport transport, TrafficEvents events, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _transport = transport;
        _events = events;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger(LogCategories.Broker);
    }

    /// <summary>Watches <paramref name="server"/>'s connections; called once, before it starts.</summary>
    public void Attach(MqttServer server)
    {
        _server = server;
        server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
        server.ClientConnectedAsync += OnClientConnectedAsync;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (WaitingWill waiting in _waiting.Values)
            {
                waiting.Timer.Dispose();
            }

            _waiting.Clear();
        }
    }

    private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs eventArgs)
    {
        // The CONNECT of a connection with a will is kept from its connect event: a connection stopped before MQTTnet
        // takes it over (a kept session handed on) can have ended, and the transport forgotten its CONNECT, before
        // MQTTnet reports the takeover (MqttClientSessionsManager.CreateClientConnection raises it after StopAsync).
        MqttConnectPacket? kept;
        lock (_gate)
        {
            if (_connected.TryGetValue(eventArgs.ClientId, out EndPoint? current) && current.Equals(eventArgs.RemoteEndPoint))
            {
                _connected.Remove(eventArgs.ClientId);
            }

            _withWill.Remove(eventArgs.RemoteEndPoint, out kept);
        }

        if ((_transport.FindConnectPacket(eventArgs.RemoteEndPoint) ?? kept) is not { } connect)
        {
            return Task.CompletedTask;
        }

        if (_transport.FindKeptWill(connect) is not { } will)
        {
            return eventArgs.DisconnectType == MqttClientDisconnectType.Takeover && connect.WillFlag
                ? PublishAsync(MqttApplicationMessageFactory.Create(MQTTnet.Server.Internal.Formatter.MqttPublishPacketFactory.Create(connect)), connect)
                : Task.CompletedTask;
        }

        DisconnectKind how = eventArgs.DisconnectType switch
        {
            MqttClientDisconnectType.Clean => DisconnectKind.Clean,
            MqttClientDisconnectType.Takeover => DisconnectKind.TakenOver,
            _ => DisconnectKind.Lost,
        };
        TimeSpan? sessionKeptFor = how == DisconnectKind.TakenOver
            ? null
            : SessionLifetime.KeptFor(MqttProtocolVersion.V500, connect.CleanSession, connect.SessionExpiryInterval, eventArgs.SessionExpiryInterval, TimeSpan.Zero);
        switch (WillTiming.Delay(connect, how, eventArgs.ReasonCode, sessionKeptFor))
        {
            case null:
                return Task.CompletedTask;
            case { } delay when delay == TimeSpan.Zero:
                return PublishAsync(will, connect);
            case { } delay:
                return Wait(eventArgs.ClientId, will, connect, delay, delay == sessionKeptFor && delay < TimeSpan.FromSeconds(connect.WillDelayInterval)) is { } cameBackFrom
                    ? CameBackAsync(eventArgs.ClientId, cameBackFrom, will, connect)
                    : Task.CompletedTask;
        }
    }

    private Task OnClientConnectedAsync(ClientConnectedEventArgs eventArgs)
    {
        WaitingWill? waiting;
        MqttConnectPacket? withWill = _transport.FindConnectPacket(eventArgs.RemoteEndPoint) is { WillFlag: true } connect ? connect : null;
        lock (_gate)
        {
            _connected[eventArgs.ClientId] = eventArgs.RemoteEndPoint;
            if (withWill is not null)
            {
                _withWill[eventArgs.RemoteEndPoint] = withWill;
            }
            if (!_waiting.Remove(eventArgs.ClientId, out waiting))
            {
                return Task.CompletedTask;
            }
        }

        waiting.Timer.Dispose();
        return CameBackAsync(eventArgs.ClientId, eventArgs.RemoteEndPoint, waiting.Will, waiting.Connect);
    }

    /// <summary>The client of a waiting will connected again from <paramref name="remoteEndPoint"/> in time: a clean start ends the session, and the will goes.</summary>
    private Task CameBackAsync(string clientId, EndPoint remoteEndPoint, MqttApplicationMessage will, MqttConnectPacket connect)
    {
        if (_transport.FindConnectPacket(remoteEndPoint) is { CleanSession: true })
        {
            return PublishWaitingAsync(clientId, will, connect, WillPublishedBecause.CleanStart);
        }

        _events.Raise(new WillCancelled(_events.Now, clientId, will.Topic));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Arms the timer of a will, unless the client has connected again already: MQTTnet 5.2 forgets a lost connection
    /// before it reports it (MqttClientSessionsManager.HandleClientConnectionAsync), so a client that comes back at once
    /// can be reported connected first. Returns where it connected again from, or null.
    /// </summary>
    private EndPoint? Wait(string clientId, MqttApplicationMessage will, MqttConnectPacket connect, TimeSpan delay, bool sessionEndsFirst)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return null;
            }

            if (_connected.TryGetValue(clientId, out EndPoint? cameBackFrom))
            {
                return cameBackFrom;
            }

            WillPublishedBecause why = sessionEndsFirst ? WillPublishedBecause.SessionEnded : WillPublishedBecause.DelayPassed;
            ITimer timer = _timeProvider.CreateTimer(_ => _ = PublishIfStillWaitingAsync(clientId), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (_waiting.Remove(clientId, out WaitingWill? earlier))
            {
                earlier.Timer.Dispose();
            }

            _waiting[clientId] = new WaitingWill(will, connect, timer, why);

            // Armed once it is in the table: a manual clock in a test fires a due timer at once.
            timer.Change(delay, Timeout.InfiniteTimeSpan);
            return null;
        }
    }

    private Task PublishIfStillWaitingAsync(string clientId)
    {
        WaitingWill? waiting;
        lock (_gate)
        {
            if (!_waiting.Remove(clientId, out waiting))
            {
                return Task.CompletedTask;
            }
        }

        waiting.Timer.Dispose();
        return PublishWaitingAsync(clientId, waiting.Will, waiting.Connect, waiting.When);
    }

    private async Task PublishWaitingAsync(string clientId, MqttApplicationMessage will, MqttConnectPacket connect, WillPublishedBecause why)
    {
        await PublishAsync(will, connect).ConfigureAwait(false);
        _events.Raise(new WillPublished(_events.Now, clientId, will.Topic, why));
    }

    private async Task PublishAsync(MqttApplicationMessage will, MqttConnectPacket connect)
    {
        if (_server is not { } server)
        {
            return;
        }

        MessageExpiry.Start(will, _timeProvider.GetUtcNow());
        try
        {
            await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(will) { SenderClientId = connect.ClientId, SenderUserName = connect.Username }).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
        {
            // The broker stopped meanwhile.
            LogNotPublished(_logger, connect.ClientId, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The will of {ClientId} was not published: {Reason}")]
    private static partial void LogNotPublished(ILogger logger, string clientId, string reason);

    /// <summary>A will waiting for its delay: the message, its client's CONNECT, the timer that publishes it, and what the timer stands for.</summary>
    private sealed record WaitingWill(MqttApplicationMessage Will, MqttConnectPacket Connect, ITimer Timer, WillPublishedBecause When);
}
