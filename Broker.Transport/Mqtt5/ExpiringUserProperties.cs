using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Transport.Mqtt5;

/// <summary>
/// The user properties of a message that has a Message Expiry Interval, with the moment it expires. MQTTnet 5.2 keeps no
/// time of arrival for a message, but it hands a message's user-property list on by reference to every copy it makes
/// (MqttApplicationMessageFactory.Create, MqttPublishPacketFactory.Create), to the retained store and to each
/// subscriber's queue, so the moment travels with every copy and is read back when the copy is about to be written.
/// The properties themselves are unchanged: MQTTnet writes the items, and an empty list writes nothing
/// (MqttV5PropertiesWriter.WriteUserProperties).
/// </summary>
internal sealed class ExpiringUserProperties : List<MqttUserProperty>
{
    /// <summary>Copies <paramref name="properties"/> (none when null) and records <paramref name="expiresAt"/>.</summary>
    public ExpiringUserProperties(List<MqttUserProperty>? properties, DateTimeOffset expiresAt)
        : base(properties ?? [])
    {
        ExpiresAt = expiresAt;
    }

    /// <summary>When the message expires.</summary>
    public DateTimeOffset ExpiresAt { get; }
}
