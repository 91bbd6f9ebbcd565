using System.Net;
using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.FlowControl;
using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.Broker.Transport.Shortcuts;
using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Transport.Tests;

/// <summary>
/// The owner of a channel adapter that a test makes on its own: it hears nothing, knows no queue, and gives a CONNECT an
/// inline publisher with no MQTT server behind it, as FastServerAdapter would give one, for <see cref="Adapter"/>.
/// </summary>
internal sealed class QuietConnectionOwner : IConnectionOwner
{
    /// <summary>For tests whose connection receives no CONNECT.</summary>
    public static readonly QuietConnectionOwner Instance = new();

    private readonly PublishInjector _publishing = new(new AcceptedConnections());

    /// <summary>The connection a CONNECT arrives on, for tests that receive one.</summary>
    public StreamChannelAdapter? Adapter { get; set; }

    /// <summary>
    /// A channel adapter owned by this over <paramref name="stream"/>, for a client at <paramref name="clientPort"/> on
    /// loopback, with the default flow control. It is not made this owner's <see cref="Adapter"/>.
    /// </summary>
    public StreamChannelAdapter Serve(Stream stream, int clientPort = 50_000)
    {
        DeliveryFlowControl flowControl = new(TestSettings.Create().MaxPendingMessagesPerClient, TimeProvider.System);
        return new StreamChannelAdapter(stream, new IPEndPoint(IPAddress.Loopback, 1883), new IPEndPoint(IPAddress.Loopback, clientPort), ushort.MaxValue, flowControl, this);
    }

    public InlinePublisher Connecting(MqttConnectPacket connect)
    {
        return _publishing.For(connect, Adapter ?? throw new NotSupportedException("This test's connection receives no CONNECT."));
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
