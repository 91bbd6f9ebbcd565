using Esp32Mqtt.Broker.Transport.Mqtt5;
using Esp32Mqtt.Broker.Transport.Ordering;
using Esp32Mqtt.Broker.Transport.Resumption;
using MQTTnet.Adapter;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport.Channels;

/// <summary>
/// What both transports keep across connections to make MQTTnet 5.2 behave as MQTT says: the order of retained
/// publishes and subscriptions (<see cref="RetainedRoutingGate"/>), the turns of connections with one client id
/// (<see cref="ClientIdTurns"/>) and the hand-over of kept sessions between them (<see cref="SessionHandover"/>), the
/// QoS 1 and 2 exchanges of kept sessions (<see cref="InFlightSessions"/>), and what MQTT 5 asks of every connection
/// (<see cref="Mqtt5Rules"/>, with the wills kept from MQTTnet). It puts the outer channel adapters around each
/// connection, the same on both transports.
/// </summary>
internal sealed class AcrossConnections
{
    private readonly InFlightSessions _inFlight = new();
    private readonly Mqtt5Rules _mqtt5;
    private MqttServer? _server;
    private bool _handingOver;

    /// <summary>Works to <paramref name="settings"/>' limits and times the turns' waits and message expiry with <paramref name="timeProvider"/>.</summary>
    public AcrossConnections(TransportSettings settings, TimeProvider timeProvider)
    {
        Turns = new ClientIdTurns(timeProvider);
        _mqtt5 = new Mqtt5Rules(settings, timeProvider);
    }

    /// <summary>The order of retained publishes and subscriptions, which the transports' own adapters keep.</summary>
    public RetainedRoutingGate RoutingGate { get; } = new();

    /// <summary>The turns of connections with one client id.</summary>
    public ClientIdTurns Turns { get; }

    /// <summary>The wills of MQTT 5 clients, which the broker publishes itself.</summary>
    public KeptWills Wills => _mqtt5.Wills;

    /// <summary>
    /// Forgets a session's exchanges once MQTTnet has deleted it, and keeps <paramref name="server"/> for the hand-over of
    /// kept sessions; called once, before the server starts.
    /// </summary>
    public void Attach(MqttServer server)
    {
        _server = server;
        server.SessionDeletedAsync += eventArgs =>
        {
            _inFlight.Forget(eventArgs.Id);
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// The transport's listener is being started by MQTTnet (MqttServer.StartAsync starts its adapters after every handler
    /// the broker attached and before any client can connect): <see cref="SessionHandover"/> joins the connection
    /// validators now, last, so it sees the broker's verdict.
    /// </summary>
    public void Starting()
    {
        if (_server is null || _handingOver)
        {
            return;
        }

        _handingOver = true;
        _server.ValidatingConnectionAsync += new SessionHandover(_server).ValidatedAsync;
    }

    /// <summary>The adapter MQTTnet serves the connection through, around the transport's own <paramref name="channel"/>.</summary>
    public TurnTakingChannel Wrap(IMqttChannelAdapter channel)
    {
        return new TurnTakingChannel(new ResumingChannel(new Mqtt5Channel(channel, _mqtt5), _inFlight), Turns);
    }
}
