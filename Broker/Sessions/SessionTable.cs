using MQTTnet.Formatter;

namespace Esp32Mqtt.Broker.Sessions;

/// <summary>
/// Which clients have a session and whether they are connected, as the broker's events tell it: MQTTnet 5.2's status
/// API says whether a session exists, but not for how long it is kept nor whether a connection resumed it. Kept current
/// by <see cref="Events.TrafficEvents"/>, read by <see cref="SessionExpiry"/> and the console.
/// </summary>
public sealed class SessionTable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MqttProtocolVersion> _online = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OfflineSession> _offline = new(StringComparer.Ordinal);

    /// <summary>Raised, outside the lock, when the earliest expiry may have changed.</summary>
    public event Action? ExpiriesChanged;

    /// <summary>
    /// <paramref name="clientId"/> connected with <paramref name="version"/>; returns whether it resumed a session kept
    /// for it (clean session off, and a session was kept).
    /// </summary>
    public bool Connected(string clientId, MqttProtocolVersion version, bool cleanSession)
    {
        bool resumed;
        lock (_gate)
        {
            resumed = _offline.Remove(clientId) && !cleanSession;
            _online[clientId] = version;
        }

        ExpiriesChanged?.Invoke();
        return resumed;
    }

    /// <summary>The protocol version <paramref name="clientId"/> connected with, while it is connected.</summary>
    public MqttProtocolVersion? ProtocolOf(string clientId)
    {
        lock (_gate)
        {
            return _online.TryGetValue(clientId, out MqttProtocolVersion version) ? version : null;
        }
    }

    /// <summary>
    /// <paramref name="clientId"/>'s connection ended at <paramref name="now"/>; its session is kept for
    /// <paramref name="keptFor"/> (null: not kept). Returns when the kept session expires (null: not kept or never).
    /// </summary>
    public DateTimeOffset? Disconnected(string clientId, TimeSpan? keptFor, DateTimeOffset now)
    {
        DateTimeOffset? expiresAt = keptFor is { } kept && kept != TimeSpan.MaxValue ? now + kept : null;
        lock (_gate)
        {
            _online.Remove(clientId);
            if (keptFor is not null)
            {
                _offline[clientId] = new OfflineSession(clientId, now, expiresAt);
            }
        }

        ExpiriesChanged?.Invoke();
        return expiresAt;
    }

    /// <summary>MQTTnet deleted <paramref name="clientId"/>'s session (it expired, or a clean start replaced it).</summary>
    public void Deleted(string clientId)
    {
        lock (_gate)
        {
            _offline.Remove(clientId);
        }
    }

    /// <summary>The kept sessions of clients that are not connected, by client id.</summary>
    public IReadOnlyList<OfflineSession> Offline
    {
        get
        {
            lock (_gate)
            {
                return [.. _offline.Values.OrderBy(session => session.ClientId, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Whether <paramref name="clientId"/> has a kept session and is not connected.</summary>
    public bool IsOffline(string clientId)
    {
        lock (_gate)
        {
            return _offline.ContainsKey(clientId);
        }
    }

    /// <summary>Those of <paramref name="clientIds"/> that have a kept session and are not connected, in the same order.</summary>
    public IReadOnlyList<string> OfflineAmong(IReadOnlyList<string> clientIds)
    {
        lock (_gate)
        {
            return _offline.Count == 0 ? [] : [.. clientIds.Where(_offline.ContainsKey)];
        }
    }
}
