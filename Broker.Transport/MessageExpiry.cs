using Esp32Mqtt.Broker.Transport.Mqtt5;
using MQTTnet;
using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Transport;

/// <summary>
/// The Message Expiry Interval of OASIS MQTT 5.0 section 3.3.2.3.3, which MQTTnet 5.2 copies from message to message but
/// never counts down: a message's lifetime starts when the broker receives it (<see cref="Start(MqttApplicationMessage, DateTimeOffset)"/>),
/// and a copy about to be written is dropped once it has expired, or carries the seconds it has left. The transports
/// start it for every PUBLISH an MQTT 5 client sends; the broker starts it for the messages it publishes itself (wills)
/// and for retained messages it loads from disk.
/// </summary>
public static class MessageExpiry
{
    /// <summary>
    /// Starts the lifetime of <paramref name="message"/>, received at <paramref name="receivedAt"/>; nothing happens when
    /// it has no expiry interval or its lifetime has started already.
    /// </summary>
    public static void Start(MqttApplicationMessage message, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.MessageExpiryInterval != 0 && message.UserProperties is not ExpiringUserProperties)
        {
            message.UserProperties = new ExpiringUserProperties(message.UserProperties, receivedAt + TimeSpan.FromSeconds(message.MessageExpiryInterval));
        }
    }

    /// <summary>When <paramref name="message"/> expires, or null when it never does or its lifetime has not been started.</summary>
    public static DateTimeOffset? ExpiresAt(MqttApplicationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return (message.UserProperties as ExpiringUserProperties)?.ExpiresAt;
    }

    /// <summary>Starts the lifetime of a PUBLISH <paramref name="publish"/> received at <paramref name="receivedAt"/>, before MQTTnet makes a message of it.</summary>
    internal static void Start(MqttPublishPacket publish, DateTimeOffset receivedAt)
    {
        if (publish.MessageExpiryInterval != 0 && publish.UserProperties is not ExpiringUserProperties)
        {
            publish.UserProperties = new ExpiringUserProperties(publish.UserProperties, receivedAt + TimeSpan.FromSeconds(publish.MessageExpiryInterval));
        }
    }

    /// <summary>Whether <paramref name="publish"/> is a copy of a message whose lifetime was started.</summary>
    internal static bool Expires(MqttPublishPacket publish)
    {
        return publish.UserProperties is ExpiringUserProperties;
    }

    /// <summary>
    /// For a copy about to be written at <paramref name="now"/>: false when its message has expired; otherwise true, with
    /// its Message Expiry Interval set to the whole seconds it has left, rounded up, as section 3.3.2.3.3 asks ("the
    /// received value minus the time that the message has been waiting in the Server").
    /// </summary>
    internal static bool TryCountDown(MqttPublishPacket publish, DateTimeOffset now)
    {
        if (publish.UserProperties is not ExpiringUserProperties { ExpiresAt: var expiresAt })
        {
            return true;
        }

        TimeSpan left = expiresAt - now;
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        publish.MessageExpiryInterval = (uint)Math.Ceiling(left.TotalSeconds);
        return true;
    }
}
