using Esp32Mqtt.Broker.Events;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Wills;

/// <summary>When the will of an MQTT 5 client whose connection ended is published (OASIS MQTT 5.0 sections 3.1.2.5 and 3.1.3.2.2).</summary>
public static class WillTiming
{
    /// <summary>
    /// How long after the connection of the client that sent <paramref name="connect"/> ended (<paramref name="how"/>,
    /// with the DISCONNECT's <paramref name="reasonCode"/> if it sent one) its will is published: null when it is not,
    /// <see cref="TimeSpan.Zero"/> for at once.
    /// <list type="bullet">
    /// <item>A DISCONNECT with reason code 0x00 deletes the will; any other reason code (0x04 asks for it) does not.</item>
    /// <item>Otherwise the will waits for its Will Delay Interval or the end of the session, whichever comes first: a
    /// session that ends with the connection (<paramref name="sessionKeptFor"/> null) publishes it at once.</item>
    /// <item>A connection taken over waits for its Will Delay Interval alone: the new connection, which follows at once,
    /// either takes up the session (the will is not published) or starts afresh (the session ends, and it is).</item>
    /// </list>
    /// </summary>
    public static TimeSpan? Delay(MqttConnectPacket connect, DisconnectKind how, MqttDisconnectReasonCode? reasonCode, TimeSpan? sessionKeptFor)
    {
        if (how == DisconnectKind.Clean && reasonCode is null or MqttDisconnectReasonCode.NormalDisconnection)
        {
            return null;
        }

        TimeSpan willDelay = TimeSpan.FromSeconds(connect.WillDelayInterval);
        if (how == DisconnectKind.TakenOver)
        {
            return willDelay;
        }

        TimeSpan session = sessionKeptFor ?? TimeSpan.Zero;
        return willDelay < session ? willDelay : session;
    }
}
