using System.Collections.Concurrent;

namespace Esp32Mqtt.Broker.Transport;

/// <summary>
/// The accepted connection of each client id, which <see cref="DirectDelivery"/>, <see cref="InlinePublishing"/> and the
/// console look up, and the takeovers in between (<see cref="ConnectionTakeover"/>).
/// </summary>
public sealed class ClientConnections
{
    private readonly ConcurrentDictionary<string, StreamChannelAdapter> _accepted = new(StringComparer.Ordinal);

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

    /// <summary><paramref name="connection"/>'s CONNACK accepting the client <paramref name="clientId"/> has been written.</summary>
    public void Accepted(string clientId, StreamChannelAdapter connection)
    {
        connection.Takeover.Of = null;
        _accepted[clientId] = connection;
    }

    /// <summary>
    /// <paramref name="connection"/>, which sent CONNECT with <paramref name="clientId"/>, has closed. If it was never
    /// accepted (a wrong password, say), the connection it would have taken over goes on as before.
    /// </summary>
    public void Closed(string clientId, StreamChannelAdapter connection)
    {
        connection.Takeover.Of?.End();

        // A client that connected again with the same id has a new connection here already; that one stays.
        _accepted.TryRemove(new KeyValuePair<string, StreamChannelAdapter>(clientId, connection));
    }

    /// <summary>The accepted connection of <paramref name="clientId"/>, if it is connected.</summary>
    public StreamChannelAdapter? Find(string clientId)
    {
        return _accepted.TryGetValue(clientId, out StreamChannelAdapter? connection) ? connection : null;
    }
}
