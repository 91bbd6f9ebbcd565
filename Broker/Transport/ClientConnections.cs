using System.Collections.Concurrent;
using System.Net;
using Esp32Mqtt.Broker.Hosting;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport;

/// <summary>
/// The accepted connection of each client id, which <see cref="DirectDelivery"/>, <see cref="InlinePublishing"/> and the
/// console look up and <see cref="KeepAliveMonitor"/> watches, and the takeovers in between (<see cref="ConnectionTakeover"/>).
/// </summary>
public sealed class ClientConnections : IMqttServerObserver
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, StreamChannelAdapter> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<EndPoint, byte> _takenOver = new();

    // Accepted connections that a connection with the same client id replaced in _accepted although it was not taking
    // them over: two clients with one id connected at once, and the CONNACKs and MQTTnet's takeover events came in an
    // order that does not yet say which of the two MQTTnet keeps. Empty but for such a moment; changed under _gate.
    private readonly Dictionary<StreamChannelAdapter, string> _displaced = [];

    /// <inheritdoc />
    public void Attach(MqttServer server)
    {
        server.ClientDisconnectedAsync += eventArgs =>
        {
            if (eventArgs.DisconnectType == MqttClientDisconnectType.Takeover)
            {
                TakenOver(eventArgs.ClientId, eventArgs.RemoteEndPoint);
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// A client sent CONNECT with <paramref name="clientId"/> on <paramref name="connection"/>. A connection still open
    /// under that id may be about to be taken over: until the new one is accepted or closed, it takes no shortcut.
    /// </summary>
    public void Connecting(string clientId, StreamChannelAdapter connection)
    {
        if (_accepted.TryGetValue(clientId, out StreamChannelAdapter? open) && !ReferenceEquals(open, connection))
        {
            open.Takeover.Begin();
            connection.Takeover.Of = open.Takeover;
        }
    }

    /// <summary>
    /// MQTTnet has handed the session of <paramref name="clientId"/> from the connection at <paramref name="remote"/> to a
    /// newer one. MQTTnet decides takeovers one at a time (MqttClientSessionsManager.CreateClientConnection) but writes each
    /// CONNACK afterwards, and raises this event when the old connection has stopped; so when two clients with one id
    /// connect at once, the CONNACK of the one taken over can come last, before or after this event. Either way the
    /// connection MQTTnet keeps is the one left in place.
    /// </summary>
    public void TakenOver(string clientId, EndPoint remote)
    {
        lock (_gate)
        {
            _takenOver[remote] = 0;
            StreamChannelAdapter? loser = Find(clientId, remote) ?? FindDisplaced(clientId, remote);
            if (loser is null)
            {
                return;
            }

            loser.Takeover.Begin();
            _ = _displaced.Remove(loser);
            if (ReferenceEquals(Find(clientId), loser) && TakeDisplaced(clientId) is { } kept)
            {
                _accepted[clientId] = kept;
            }
        }
    }

    /// <summary><paramref name="connection"/>'s CONNACK accepting the client <paramref name="clientId"/> has been written.</summary>
    public void Accepted(string clientId, StreamChannelAdapter connection)
    {
        ConnectionTakeover? target = connection.Takeover.Of;
        connection.Takeover.Of = null;
        lock (_gate)
        {
            if (_takenOver.ContainsKey(connection.RemoteEndPoint))
            {
                connection.Takeover.Begin();
                return;
            }

            if (Find(clientId) is { } open && !ReferenceEquals(open.Takeover, target))
            {
                // Accepted while this connection's CONNECT was pending, not the one it took over: MQTTnet will say by
                // TakenOver which of the two goes.
                _displaced[open] = clientId;
            }

            _accepted[clientId] = connection;
        }
    }

    /// <summary>
    /// <paramref name="connection"/>, which sent CONNECT with <paramref name="clientId"/>, has closed. If it was never
    /// accepted (a wrong password, say), the connection it would have taken over goes on as before.
    /// </summary>
    public void Closed(string clientId, StreamChannelAdapter connection)
    {
        connection.Takeover.Of?.End();
        lock (_gate)
        {
            _ = _displaced.Remove(connection);

            // A client that connected again with the same id has a new connection here already; that one stays.
            if (_accepted.TryRemove(new KeyValuePair<string, StreamChannelAdapter>(clientId, connection)) && TakeDisplaced(clientId) is { } kept)
            {
                _accepted[clientId] = kept;
            }

            _takenOver.TryRemove(connection.RemoteEndPoint, out _);
        }
    }

    /// <summary>Every accepted connection by client id, as it is while enumerated.</summary>
    public IEnumerable<KeyValuePair<string, StreamChannelAdapter>> AcceptedConnections => _accepted;

    /// <summary>The accepted connection of <paramref name="clientId"/>, if it is connected.</summary>
    public StreamChannelAdapter? Find(string clientId)
    {
        return _accepted.TryGetValue(clientId, out StreamChannelAdapter? connection) ? connection : null;
    }

    /// <summary>
    /// The accepted connection of <paramref name="clientId"/> if it is the one from <paramref name="remote"/>: MQTTnet's
    /// events name a connection by client id and endpoint, and another connection with that id may be accepted since.
    /// </summary>
    public StreamChannelAdapter? Find(string clientId, EndPoint remote)
    {
        return Find(clientId) is { } connection && Equals(connection.RemoteEndPoint, remote) ? connection : null;
    }

    private StreamChannelAdapter? FindDisplaced(string clientId, EndPoint remote)
    {
        foreach ((StreamChannelAdapter connection, string displacedId) in _displaced)
        {
            if (displacedId == clientId && Equals(connection.RemoteEndPoint, remote))
            {
                return connection;
            }
        }

        return null;
    }

    private StreamChannelAdapter? TakeDisplaced(string clientId)
    {
        foreach ((StreamChannelAdapter connection, string displacedId) in _displaced)
        {
            if (displacedId == clientId)
            {
                _ = _displaced.Remove(connection);
                return connection;
            }
        }

        return null;
    }
}
