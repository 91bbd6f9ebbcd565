using System.Collections.Concurrent;

namespace Esp32Mqtt.Broker.Transport.Resumption;

/// <summary>The <see cref="SessionInFlight"/> of every kept session, by client id.</summary>
internal sealed class InFlightSessions
{
    private readonly ConcurrentDictionary<string, SessionInFlight> _sessions = new(StringComparer.Ordinal);

    /// <summary>
    /// The exchanges of the session a CONNECT with <paramref name="clientId"/> starts or takes up: a clean start forgets
    /// what an earlier session of the id had under way; a session that ends with its connection (clean session in
    /// MQTT 3.1.1, no session expiry interval in MQTT 5) needs no resuming and gets null.
    /// </summary>
    public SessionInFlight? Connecting(string clientId, bool cleanStart, bool sessionOutlivesConnection)
    {
        if (cleanStart)
        {
            _sessions.TryRemove(clientId, out _);
        }

        return sessionOutlivesConnection ? _sessions.GetOrAdd(clientId, static _ => new SessionInFlight()) : null;
    }

    /// <summary>MQTTnet deleted the session of <paramref name="clientId"/>.</summary>
    public void Forget(string clientId)
    {
        _sessions.TryRemove(clientId, out _);
    }

    /// <summary>Kept sessions followed now, for tests.</summary>
    public int Count => _sessions.Count;
}
