using System.Collections.Concurrent;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// Shared subscriptions (<c>$share/group/filter</c>, OASIS MQTT 5.0 section 4.8.2): our broker does not offer them, says
/// so in its CONNACK (Shared Subscription Available = 0, section 3.2.2.3.13) and refuses each such filter with 0x9E
/// (MQTT 5) or 0x80 (MQTT 3.1.1) while granting the others; Mosquitto offers them, one member per message.
/// </summary>
public sealed class SharedSubscriptionTests
{
    private const string SharedFilter = "$share/workers/telemetry/+";
    private const byte Failure311 = 0x80;

    public static TheoryData<TransportKind, MqttProtocolVersion> TransportsAndVersions =>
        Transports.Times(MqttProtocolVersion.V311, MqttProtocolVersion.V500);

    [Theory]
    [MemberData(nameof(TransportsAndVersions))]
    public async Task Refuses_a_shared_subscription_and_grants_the_other_filters(TransportKind transport, MqttProtocolVersion version)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        (PacketConnection connection, MqttConnAckPacket connAck) = await PacketConnection.ConnectAsync(broker.Port, version, TestPackets.Connect("worker"));
        using PacketConnection worker = connection;
        byte refused = version == MqttProtocolVersion.V500 ? (byte)MqttSubscribeReasonCode.SharedSubscriptionsNotSupported : Failure311;

        // Act
        await worker.SendAsync(TestPackets.Subscribe(3, (SharedFilter, MqttQualityOfServiceLevel.AtLeastOnce), ("telemetry/+", MqttQualityOfServiceLevel.AtLeastOnce)));
        MqttSubAckPacket subAck = await worker.ReceiveAsync<MqttSubAckPacket>();

        // Assert: MQTT 3.1.1's CONNACK has no properties, so the flag says "not available" only for MQTT 5.
        Assert.Equal([refused, 1], subAck.ReasonCodes.Select(code => (byte)code));
        Assert.False(version == MqttProtocolVersion.V500 && connAck.SharedSubscriptionAvailable);
    }

    [SkippableFact]
    public async Task Mosquitto_gives_each_message_to_one_member_of_a_shared_subscription()
    {
        // Arrange
        const int Messages = 20;
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();
        await using TestMqttClient first = await TestMqttClient.ConnectAsync(mosquitto.Port, "worker-1", MqttProtocolVersion.V500);
        await using TestMqttClient second = await TestMqttClient.ConnectAsync(mosquitto.Port, "worker-2", MqttProtocolVersion.V500);
        await first.SubscribeAsync(SharedFilter, MqttQualityOfServiceLevel.AtLeastOnce);
        await second.SubscribeAsync(SharedFilter, MqttQualityOfServiceLevel.AtLeastOnce);
        await using TestMqttClient board = await TestMqttClient.ConnectAsync(mosquitto.Port, "board", MqttProtocolVersion.V500);
        ConcurrentQueue<string> firstGot = Collect(first);
        ConcurrentQueue<string> secondGot = Collect(second);

        // Act
        for (int index = 0; index < Messages; index++)
        {
            await board.PublishAsync("telemetry/board-1", index.ToString(System.Globalization.CultureInfo.InvariantCulture), MqttQualityOfServiceLevel.AtLeastOnce);
        }

        // Assert: every message exactly once, spread over both members.
        await Eventually.UntilAsync(() => firstGot.Count + secondGot.Count >= Messages, TestTimeouts.Short, "every message to reach one member");
        Assert.Equal(Enumerable.Range(0, Messages).Select(index => index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), firstGot.Concat(secondGot).Order());
        Assert.NotEmpty(firstGot);
        Assert.NotEmpty(secondGot);
    }

    private static ConcurrentQueue<string> Collect(TestMqttClient client)
    {
        ConcurrentQueue<string> payloads = new();
        client.Client.ApplicationMessageReceivedAsync += eventArgs =>
        {
            payloads.Enqueue(eventArgs.ApplicationMessage.ConvertPayloadToString());
            return Task.CompletedTask;
        };
        return payloads;
    }
}
