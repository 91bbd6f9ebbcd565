using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// An MQTT 5 client's Receive Maximum: the broker never has more QoS 1 and 2 messages unacknowledged at that client
/// than it asked for (OASIS MQTT 5.0 section 3.1.2.11.3 and 4.9), and sends the next as soon as one is acknowledged.
/// Raw packets, because a client library acknowledges by itself.
/// </summary>
public sealed class ReceiveMaximumTests
{
    private const string Topic = "x/y";
    private const int Messages = 5;
    private const ushort ReceiveMaximum = 2;

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Never_has_more_unacknowledged_messages_at_the_client_than_its_receive_maximum(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);

        // Act and assert
        await HoldsBackBeyondTheReceiveMaximumAsync(broker.Port);
    }

    [SkippableFact]
    public async Task Mosquitto_never_has_more_unacknowledged_messages_at_the_client_than_its_receive_maximum()
    {
        // Arrange
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act and assert
        await HoldsBackBeyondTheReceiveMaximumAsync(mosquitto.Port);
    }

    /// <summary>
    /// Five QoS 1 messages are queued for a subscriber that can take two at a time. It reads two, then asks for a
    /// PINGRESP: all five were queued before the PINGREQ was sent, so a third message sent regardless of the limit would
    /// come before the PINGRESP. Each PUBACK then lets exactly one more through, in order.
    /// </summary>
    private static async Task HoldsBackBeyondTheReceiveMaximumAsync(int port)
    {
        (PacketConnection subscriber, _) = await PacketConnection.ConnectAsync(port, MqttProtocolVersion.V500, TestPackets.Connect("slow", connect => connect.ReceiveMaximum = ReceiveMaximum));
        using PacketConnection slow = subscriber;
        await slow.SendAsync(TestPackets.Subscribe(1, (Topic, MqttQualityOfServiceLevel.AtLeastOnce)));
        await slow.ReceiveAsync<MqttSubAckPacket>();
        await using (TestMqttClient publisher = await TestMqttClient.ConnectAsync(port, "publisher", MqttProtocolVersion.V500))
        {
            for (int index = 1; index <= Messages; index++)
            {
                await publisher.PublishAsync(Topic, $"m{index}", MqttQualityOfServiceLevel.AtLeastOnce);
            }
        }

        List<MqttPublishPacket> received = [await slow.ReceiveAsync<MqttPublishPacket>(), await slow.ReceiveAsync<MqttPublishPacket>()];
        await slow.SendAsync(MqttPingReqPacket.Instance);
        MqttPacket afterTwo = await slow.ReceiveAsync();
        for (int acknowledged = 0; acknowledged < Messages; acknowledged++)
        {
            await slow.SendAsync(new MqttPubAckPacket { PacketIdentifier = received[acknowledged].PacketIdentifier });
            if (received.Count < Messages)
            {
                received.Add(await slow.ReceiveAsync<MqttPublishPacket>());
            }
        }

        Assert.IsType<MqttPingRespPacket>(afterTwo);
        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], received.Select(TestPackets.TextOf));
    }
}
