using MQTTnet.Formatter;

namespace Esp32Mqtt.Broker.Sessions;

/// <summary>
/// How long a client's session outlives its connection, by the rules MQTTnet 5.2 keeps sessions by
/// (MqttClientSessionsManager.ShouldPersistSession) and the broker's limit for MQTT 3.1 and 3.1.1.
/// </summary>
public static class SessionLifetime
{
    /// <summary>The MQTT 5 session expiry interval that means "never expires" (OASIS MQTT 5.0 section 3.1.2.11.2).</summary>
    public const uint NeverExpires = uint.MaxValue;

    /// <summary>
    /// How long the session of a client that connected with <paramref name="cleanSession"/> and
    /// <paramref name="connectExpirySeconds"/> is kept once it disconnected (with <paramref name="disconnectExpirySeconds"/>
    /// in its MQTT 5 DISCONNECT, 0 if none); null when it ends with the connection, <see cref="TimeSpan.MaxValue"/> when it
    /// never expires.
    /// <list type="bullet">
    /// <item>MQTT 3.1 and 3.1.1: kept when clean session is off (OASIS MQTT 3.1.1 section 3.1.2.4), for
    /// <paramref name="persistentExpiry"/> (Broker:PersistentSessionExpiryHours, as Mosquitto's
    /// persistent_client_expiration), since those versions set no limit themselves. MQTTnet 5.2 keeps every MQTT 3.1
    /// session, clean or not; a clean one is kept for <see cref="TimeSpan.Zero"/>: deleted at once.</item>
    /// <item>MQTT 5: kept for the session expiry interval, the DISCONNECT's if it sent one (section 3.14.2.2.2), else
    /// the CONNECT's (section 3.1.2.11.2). A DISCONNECT cannot tell MQTTnet "absent" from 0, so a DISCONNECT that sets
    /// the interval to 0 keeps the CONNECT's, as MQTTnet does.</item>
    /// </list>
    /// </summary>
    public static TimeSpan? KeptFor(MqttProtocolVersion version, bool cleanSession, uint connectExpirySeconds, uint disconnectExpirySeconds, TimeSpan persistentExpiry)
    {
        if (version != MqttProtocolVersion.V500)
        {
            return !cleanSession ? persistentExpiry : version == MqttProtocolVersion.V310 ? TimeSpan.Zero : null;
        }

        uint seconds = disconnectExpirySeconds != 0 ? disconnectExpirySeconds : connectExpirySeconds;
        return seconds switch
        {
            0 => null,
            NeverExpires => TimeSpan.MaxValue,
            _ => TimeSpan.FromSeconds(seconds),
        };
    }
}
