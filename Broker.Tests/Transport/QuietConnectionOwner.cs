using Esp32Mqtt.Broker.Transport;
using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Tests.Transport;

/// <summary>The owner of a channel adapter that a test makes on its own: it hears nothing and knows no queue.</summary>
internal sealed class UnusedConnectionOwner : IConnectionOwner
{
    public static readonly UnusedConnectionOwner Instance = new();

    public InlinePublisher Connecting(MqttConnectPacket connect)
    {
        throw new NotSupportedException("This test's connection receives no CONNECT.");
    }

    public void Accepted(StreamChannelAdapter connection)
    {
    }

    public Func<long>? QueuedMessages()
    {
        return null;
    }

    public void Rejected(PacketGuardRejection rejection)
    {
    }
}
