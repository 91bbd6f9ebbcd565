using System.Collections.Immutable;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Sessions;
using Esp32Mqtt.Broker.Subscriptions;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.Broker.Wills;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Events;

/// <summary>
/// The one place the broker's traffic is turned into <see cref="TrafficEvent"/>s: it hooks onto MQTTnet's server events,
/// keeps <see cref="SubscriptionRegistry"/> current first (so every listener sees the subscriptions as they are after the
/// event) and the <see cref="SessionTable"/>, and hands each event to every <see cref="ITrafficListener"/>. MQTTnet raises no event when it has finished
/// routing a message, so a message's recipients come from the registry, which applies MQTTnet's own matching rules.
/// Per-message handlers are attached only while some listener wants messages (<see cref="MessageInterest"/>): with none,
/// a message costs nothing here.
/// </summary>
public sealed class TrafficEvents
{
    /// <summary>The sender id of messages typed at the broker's console.</summary>
    public const string ConsoleSenderId = "console";

    private readonly SubscriptionRegistry _registry;
    private readonly SessionTable _sessions;
    private readonly TimeSpan _persistentSessionExpiry;
    private readonly IBrokerTransport _transport;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private ImmutableArray<ITrafficListener> _listeners;
    private MqttServer? _server;
    private MessageInterest _interest;

    /// <summary>Raises events to <paramref name="listeners"/> (more can be added with <see cref="Add"/>).</summary>
    public TrafficEvents(IEnumerable<ITrafficListener> listeners, SubscriptionRegistry registry, SessionTable sessions, IOptions<BrokerOptions> options, IBrokerTransport transport, TimeProvider timeProvider)
    {
        _registry = registry;
        _sessions = sessions;
        _persistentSessionExpiry = TimeSpan.FromHours(options.Value.PersistentSessionExpiryHours);
        _transport = transport;
        _timeProvider = timeProvider;
        _listeners = [.. listeners];
        foreach (ITrafficListener listener in _listeners)
        {
            listener.MessageInterestChanged += InterestChanged;
        }
    }

    /// <summary>What the per-message handlers attached now deliver.</summary>
    public MessageInterest Interest => _interest;

    /// <summary>Hooks onto <paramref name="server"/>'s events; called once, before it starts.</summary>
    public void Attach(MqttServer server)
    {
        server.ClientConnectedAsync += OnClientConnectedAsync;
        server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
        server.ClientSubscribedTopicAsync += OnSubscribedAsync;
        server.ClientUnsubscribedTopicAsync += OnUnsubscribedAsync;
        server.SessionDeletedAsync += OnSessionDeletedAsync;
        server.RetainedMessageChangedAsync += OnRetainedChangedAsync;
        server.RetainedMessagesClearedAsync += OnRetainedClearedAsync;

        // Raised only when a slow client's queue overflows, so it costs nothing on the normal path.
        server.QueuedApplicationMessageOverwrittenAsync += OnQueueOverflowAsync;
        lock (_gate)
        {
            _server = server;
        }

        InterestChanged();
    }

    /// <summary>Adds a listener; it is given every event from now on. Dispose the result to remove it.</summary>
    public IDisposable Add(ITrafficListener listener)
    {
        lock (_gate)
        {
            _listeners = _listeners.Add(listener);
        }

        listener.MessageInterestChanged += InterestChanged;
        InterestChanged();
        return new Removal(this, listener);
    }

    /// <summary>Looks again at what the listeners want, and attaches or detaches the per-message handlers to match.</summary>
    private void InterestChanged()
    {
        lock (_gate)
        {
            MqttServer? server = _server;
            if (server is null)
            {
                return;
            }

            MessageInterest wanted = MessageInterest.None;
            foreach (ITrafficListener listener in _listeners)
            {
                wanted = (MessageInterest)Math.Max((int)wanted, (int)listener.MessageInterest);
            }

            if (wanted == _interest)
            {
                return;
            }

            if (_interest == MessageInterest.Every)
            {
                server.InterceptingPublishAsync -= OnPublishAsync;
            }
            else if (_interest == MessageInterest.Unrouted)
            {
                server.ApplicationMessageNotConsumedAsync -= OnNotConsumedAsync;
            }

            if (wanted == MessageInterest.Every)
            {
                server.InterceptingPublishAsync += OnPublishAsync;
            }
            else if (wanted == MessageInterest.Unrouted)
            {
                server.ApplicationMessageNotConsumedAsync += OnNotConsumedAsync;
            }

            _interest = wanted;
        }
    }

    /// <summary>Hands <paramref name="traffic"/> to every listener; for events that start outside MQTTnet's (refusals).</summary>
    public void Raise(TrafficEvent traffic)
    {
        foreach (ITrafficListener listener in _listeners)
        {
            listener.OnTraffic(traffic);
        }
    }

    /// <summary>Raises what the transport reports about a connection it refused or gave up on.</summary>
    public void Report(ConnectionProblem problem)
    {
        RefusalKind kind = problem.Kind switch
        {
            ConnectionProblemKind.NoConnect => RefusalKind.NoConnect,
            ConnectionProblemKind.ClosedBeforeConnect => RefusalKind.ClosedBeforeConnect,
            ConnectionProblemKind.KeepAliveExpired => RefusalKind.KeepAliveExpired,
            _ => RefusalKind.BadInput,
        };
        Raise(new ConnectionRefused(Now, problem.Remote, ClientId: null, problem.Description, kind));
    }

    /// <summary>The time an event happens now.</summary>
    public DateTimeOffset Now => _timeProvider.GetUtcNow();

    private Task OnClientConnectedAsync(ClientConnectedEventArgs eventArgs)
    {
        MqttConnectPacket? connect = _transport.FindConnectPacket(eventArgs.RemoteEndPoint);
        bool cleanSession = connect is not { CleanSession: false };

        // A clean start replaces any session the client id had, and MQTTnet raises no session-deleted event for the
        // replaced one (MqttClientSessionsManager.CreateClientConnection).
        if (cleanSession)
        {
            _registry.RemoveClient(eventArgs.ClientId);
        }

        bool resumed = _sessions.Connected(eventArgs.ClientId, eventArgs.ProtocolVersion, cleanSession);
        Raise(new ClientConnected(
            Now,
            eventArgs.ClientId,
            eventArgs.RemoteEndPoint,
            ProtocolText.Format(eventArgs.ProtocolVersion),
            connect?.KeepAlivePeriod,
            connect is null ? null : WillTopicOf(connect),
            string.IsNullOrEmpty(eventArgs.UserName) ? null : eventArgs.UserName,
            cleanSession,
            resumed));
        return Task.CompletedTask;
    }

    private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs eventArgs)
    {
        DisconnectKind how = eventArgs.DisconnectType switch
        {
            MqttClientDisconnectType.Clean => DisconnectKind.Clean,
            MqttClientDisconnectType.Takeover => DisconnectKind.TakenOver,
            _ => DisconnectKind.Lost,
        };

        MqttConnectPacket? connect = _transport.FindConnectPacket(eventArgs.RemoteEndPoint);
        if (how == DisconnectKind.TakenOver)
        {
            // The session goes on with the new connection, which is reported as connected next.
            WillOutcome takenOver = OutcomeOfWill(connect, how, eventArgs.ReasonCode, sessionKeptFor: null);
            Raise(new ClientDisconnected(Now, eventArgs.ClientId, how, takenOver.PublishedTopic, SessionKept: true, SessionExpiresAt: null));
            return Task.CompletedTask;
        }

        MqttProtocolVersion version = _sessions.ProtocolOf(eventArgs.ClientId) ?? MqttProtocolVersion.V311;
        TimeSpan? keptFor = SessionLifetime.KeptFor(version, connect is not { CleanSession: false }, connect?.SessionExpiryInterval ?? 0, eventArgs.SessionExpiryInterval, _persistentSessionExpiry);
        DateTimeOffset now = Now;
        DateTimeOffset? expiresAt = _sessions.Disconnected(eventArgs.ClientId, keptFor, now);
        bool kept = keptFor is { } duration && duration > TimeSpan.Zero;
        WillOutcome will = OutcomeOfWill(connect, how, eventArgs.ReasonCode, keptFor);
        Raise(new ClientDisconnected(now, eventArgs.ClientId, how, will.PublishedTopic, kept, kept ? expiresAt : null, will.DelayedTopic, will.Delay));
        return Task.CompletedTask;
    }

    /// <summary>The topic of the will of the client that sent <paramref name="connect"/>, MQTTnet's or one the transport kept for the broker; null for none.</summary>
    private string? WillTopicOf(MqttConnectPacket connect)
    {
        return connect.WillFlag ? connect.WillTopic : _transport.FindKeptWill(connect)?.Topic;
    }

    /// <summary>
    /// What becomes of the will of a connection that ended. MQTTnet publishes an MQTT 3.1.1 will at once when the
    /// connection was lost (MqttConnectedClient.RunAsync), WillPublisher when it was taken over; an MQTT 5 will, kept
    /// by the transport, goes when <see cref="WillTiming"/> says (WillPublisher).
    /// </summary>
    private WillOutcome OutcomeOfWill(MqttConnectPacket? connect, DisconnectKind how, MqttDisconnectReasonCode? reasonCode, TimeSpan? sessionKeptFor)
    {
        if (connect is null)
        {
            return default;
        }

        if (_transport.FindKeptWill(connect) is not { } will)
        {
            return new WillOutcome(how != DisconnectKind.Clean && connect.WillFlag ? connect.WillTopic : null, null, null);
        }

        return WillTiming.Delay(connect, how, reasonCode, sessionKeptFor) switch
        {
            null => default,
            { } delay when delay == TimeSpan.Zero => new WillOutcome(will.Topic, null, null),
            { } delay when how == DisconnectKind.TakenOver => default,
            { } delay => new WillOutcome(null, will.Topic, delay),
        };
    }

    private Task OnSubscribedAsync(ClientSubscribedTopicEventArgs eventArgs)
    {
        MqttTopicFilter filter = eventArgs.TopicFilter;
        _registry.Add(new Subscription(eventArgs.ClientId, filter.Topic, filter.QualityOfServiceLevel, filter.NoLocal));
        Raise(new ClientSubscribed(Now, eventArgs.ClientId, filter.Topic, (int)filter.QualityOfServiceLevel));
        return Task.CompletedTask;
    }

    private Task OnUnsubscribedAsync(ClientUnsubscribedTopicEventArgs eventArgs)
    {
        _registry.Remove(eventArgs.ClientId, eventArgs.TopicFilter);
        Raise(new ClientUnsubscribed(Now, eventArgs.ClientId, eventArgs.TopicFilter));
        return Task.CompletedTask;
    }

    private Task OnSessionDeletedAsync(SessionDeletedEventArgs eventArgs)
    {
        _registry.RemoveClient(eventArgs.Id);
        _sessions.Deleted(eventArgs.Id);
        return Task.CompletedTask;
    }

    private Task OnRetainedChangedAsync(RetainedMessageChangedEventArgs eventArgs)
    {
        MqttApplicationMessage message = eventArgs.ChangedRetainedMessage;
        Raise(new RetainedChanged(Now, message.Topic, message.Payload));
        return Task.CompletedTask;
    }

    private Task OnRetainedClearedAsync(EventArgs eventArgs)
    {
        Raise(new RetainedChanged(Now, Topic: null, default));
        return Task.CompletedTask;
    }

    private Task OnQueueOverflowAsync(QueueMessageOverwrittenEventArgs eventArgs)
    {
        Raise(new MessagesDropped(Now, eventArgs.ReceiverClientId));
        return Task.CompletedTask;
    }

    private Task OnPublishAsync(InterceptingPublishEventArgs eventArgs)
    {
        MqttApplicationMessage message = eventArgs.ApplicationMessage;
        IReadOnlyList<string> recipients = _registry.FindRecipients(message.Topic, eventArgs.ClientId);
        RaiseRouted(message, eventArgs.ClientId, recipients);
        return Task.CompletedTask;
    }

    private Task OnNotConsumedAsync(ApplicationMessageNotConsumedEventArgs eventArgs)
    {
        // MQTTnet counts only the recipients it queued for; the ones a transport wrote to directly count as none there.
        MqttApplicationMessage message = eventArgs.ApplicationMessage;
        if (!_registry.HasRecipients(message.Topic, eventArgs.SenderId))
        {
            RaiseRouted(message, eventArgs.SenderId, []);
        }

        return Task.CompletedTask;
    }

    private void RaiseRouted(MqttApplicationMessage message, string? senderId, IReadOnlyList<string> recipients)
    {
        NearMiss? nearMiss = recipients.Count == 0 ? NearMissFinder.Find(message.Topic, _registry.Snapshot) : null;
        Raise(new MessageRouted(
            Now,
            message.Topic,
            string.IsNullOrEmpty(senderId) ? null : senderId,
            message.Payload,
            (int)message.QualityOfServiceLevel,
            message.Retain,
            recipients,
            nearMiss)
        {
            OfflineRecipients = recipients.Count == 0 ? [] : _sessions.OfflineAmong(recipients),
        });
    }

    private void Remove(ITrafficListener listener)
    {
        listener.MessageInterestChanged -= InterestChanged;
        lock (_gate)
        {
            _listeners = _listeners.Remove(listener);
        }

        InterestChanged();
    }

    /// <summary>A will published the moment its connection ended, or one waiting for its delay, or neither.</summary>
    private readonly record struct WillOutcome(string? PublishedTopic, string? DelayedTopic, TimeSpan? Delay);

    private sealed class Removal(TrafficEvents events, ITrafficListener listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                events.Remove(listener);
            }
        }
    }
}
