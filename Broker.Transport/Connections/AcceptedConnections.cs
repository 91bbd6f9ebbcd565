using System.Collections.Concurrent;
using System.Net;
using Esp32Mqtt.Broker.Transport.Channels;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport.Connections;

/// <summary>
/// The accepted connection of each client id, which <see cref="Shortcuts.DirectDelivery"/>, <see cref="Shortcuts.PublishInjector"/> and the
/// broker's counts look up and <see cref="KeepAlive.KeepAliveMonitor"/> watches, and the takeovers in between (<see cref="ConnectionTakeover"/>).
/// </summary>
internal sealed class AcceptedConnections
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, StreamChannelAdapter> _accepted = new(StringComparer.Ordinal);

    // The connections that have sent CONNECT and are neither accepted nor closed yet, by remote endpoint, and whether
    // MQTTnet has already handed their session to a newer connection. Changed under _gate.
    private readonly Dictionary<EndPoint, bool> _connecting = [];

    /// <summary>Follows <paramref name="server"/>'s takeovers.</summary>
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
        lock (_gate)
        {
            _connecting[connection.RemoteEndPoint] = false;
        }

        if (_accepted.TryGetValue(clientId, out StreamChannelAdapter? open) && !ReferenceEquals(open, connection))
        {
            open.Takeover.Begin();
            connection.Takeover.Of = open.Takeover;
        }
    }

    /// <summary>
    /// MQTTnet has handed the session of <paramref name="clientId"/> from the connection at <paramref name="remote"/> to a
    /// newer one. MQTTnet decides takeovers one at a time and reports each before it writes the newer connection's
    /// CONNACK (MqttClientSessionsManager.CreateClientConnection), but it writes the older connection's own CONNACK
    /// elsewhere, so when two clients with one id connect at once, the CONNACK of the one taken over can come last;
    /// <see cref="Accepted"/> then leaves the newer connection in place. The report comes after MQTTnet has stopped the
    /// older connection, which may have closed by then; a closed connection is not marked.
    /// </summary>
    public void TakenOver(string clientId, EndPoint remote)
    {
        lock (_gate)
        {
            if (_connecting.ContainsKey(remote))
            {
                _connecting[remote] = true;
            }
            else
            {
                Find(clientId, remote)?.Takeover.Begin();
            }
        }
    }

    /// <summary><paramref name="connection"/>'s CONNACK accepting the client <paramref name="clientId"/> has been written.</summary>
    public void Accepted(string clientId, StreamChannelAdapter connection)
    {
        connection.Takeover.Of = null;

        // One step with TakenOver: a connection taken over between the check and the write would replace the newer one.
        lock (_gate)
        {
            if (_connecting.Remove(connection.RemoteEndPoint, out bool takenOver) && takenOver)
            {
                connection.Takeover.Begin();
                return;
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
            _connecting.Remove(connection.RemoteEndPoint);

            // A client that connected again with the same id has a new connection here already; that one stays.
            _accepted.TryRemove(new KeyValuePair<string, StreamChannelAdapter>(clientId, connection));
        }
    }

    /// <summary>Every accepted connection by client id, as it is while enumerated.</summary>
    public IEnumerable<KeyValuePair<string, StreamChannelAdapter>> All => _accepted;

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
}
