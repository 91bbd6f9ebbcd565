using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.Broker.Transport.Shortcuts;
using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Transport.Channels;

/// <summary>
/// What a connection's adapters (<see cref="ClientChannelAdapter"/>, <see cref="StreamChannelAdapter"/>) tell the
/// listener that serves it, and ask of it: one object per connection, in place of a delegate per question.
/// </summary>
internal interface IConnectionOwner
{
    /// <summary>The client's CONNECT has arrived; returns what routes its lone QoS 0 publishes.</summary>
    InlinePublisher Connecting(MqttConnectPacket connect);

    /// <summary>A CONNACK accepting the client has been written on <paramref name="connection"/>.</summary>
    void Accepted(StreamChannelAdapter connection);

    /// <summary>Reads how many PUBLISH packets wait in MQTTnet's queue for the client; null while it has no session.</summary>
    Func<long>? QueuedMessages();

    /// <summary>The connection refused what the client sent, and ends.</summary>
    void Rejected(PacketGuardRejection rejection);
}
