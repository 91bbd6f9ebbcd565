using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// The SUBACK a SUBSCRIBE gets: one code per filter, in the order of the filters (OASIS MQTT 3.1.1 section 3.9.3, MQTT
/// 5.0 section 3.9.3); a filter that breaks the wildcard rules (section 4.7.1) refused with 0x80 (MQTT 3.1.1) or 0x8F
/// Topic Filter invalid (MQTT 5) while the others are granted, and the refusal logged with its reason.
/// </summary>
public sealed class SubAckTests
{
    private const byte Failure311 = 0x80;

    public static TheoryData<TransportKind, MqttProtocolVersion> TransportsAndVersions =>
        Transports.Times(MqttProtocolVersion.V311, MqttProtocolVersion.V500);

    [Theory]
    [MemberData(nameof(TransportsAndVersions))]
    public async Task Answers_each_filter_in_the_order_of_the_subscribe_whatever_their_qos(TransportKind transport, MqttProtocolVersion version)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);

        // Act and assert
        await AnswersInOrderAsync(broker.Port, version);
    }

    [SkippableTheory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task Mosquitto_answers_each_filter_in_the_order_of_the_subscribe_whatever_their_qos(MqttProtocolVersion version)
    {
        // Arrange
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act and assert
        await AnswersInOrderAsync(mosquitto.Port, version);
    }

    [Theory]
    [MemberData(nameof(TransportsAndVersions))]
    public async Task Refuses_each_invalid_filter_and_grants_the_others_in_the_same_subscribe(TransportKind transport, MqttProtocolVersion version)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        (PacketConnection connection, _) = await PacketConnection.ConnectAsync(broker.Port, version, TestPackets.Connect("mixed"));
        using PacketConnection subscriber = connection;
        byte refused = version == MqttProtocolVersion.V500 ? (byte)MqttSubscribeReasonCode.TopicFilterInvalid : Failure311;

        // Act
        await subscriber.SendAsync(TestPackets.Subscribe(
            5,
            ("a/#/b", MqttQualityOfServiceLevel.AtLeastOnce),
            ("x", MqttQualityOfServiceLevel.AtMostOnce),
            ("#a", MqttQualityOfServiceLevel.AtMostOnce),
            ("y/+", MqttQualityOfServiceLevel.ExactlyOnce),
            ("a+", MqttQualityOfServiceLevel.AtLeastOnce),
            (string.Empty, MqttQualityOfServiceLevel.AtMostOnce)));
        MqttSubAckPacket subAck = await subscriber.ReceiveAsync<MqttSubAckPacket>();
        await using TestMqttClient publisher = await TestMqttClient.ConnectAsync(broker.Port, "publisher");
        await publisher.PublishAsync("y/1", "granted");
        MqttPublishPacket delivered = await subscriber.ReceiveAsync<MqttPublishPacket>();

        // Assert
        Assert.Equal([refused, 0, refused, 2, refused, refused], subAck.ReasonCodes.Select(code => (byte)code));
        Assert.Equal("granted", TestPackets.TextOf(delivered));
        await broker.Logs.WaitForAsync("mixed could not subscribe to 'a/#/b': '#' must be the last level of a filter");
        await broker.Logs.WaitForAsync("mixed could not subscribe to '#a': '+' and '#' must each fill a whole level");
        await broker.Logs.WaitForAsync("mixed could not subscribe to 'a+': '+' and '#' must each fill a whole level");
        await broker.Logs.WaitForAsync("mixed could not subscribe to '': a filter must not be empty");
    }

    [SkippableFact]
    public async Task Mosquitto_disconnects_a_client_that_subscribes_to_an_invalid_filter()
    {
        // Arrange: what the table records for Mosquitto 2.0 (handle_subscribe.c treats it as a malformed packet).
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();
        (PacketConnection connection, _) = await PacketConnection.ConnectAsync(mosquitto.Port, MqttProtocolVersion.V311, TestPackets.Connect("mixed"));
        using PacketConnection subscriber = connection;

        // Act
        await subscriber.SendAsync(TestPackets.Subscribe(5, ("a/#/b", MqttQualityOfServiceLevel.AtLeastOnce), ("x", MqttQualityOfServiceLevel.AtMostOnce)));

        // Assert: the connection is closed (WaitUntilClosedAsync fails if it stays open).
        await subscriber.WaitUntilClosedAsync(TestTimeouts.Short);
    }

    private static async Task AnswersInOrderAsync(int port, MqttProtocolVersion version)
    {
        (PacketConnection connection, _) = await PacketConnection.ConnectAsync(port, version, TestPackets.Connect("ordered"));
        using PacketConnection subscriber = connection;

        await subscriber.SendAsync(TestPackets.Subscribe(
            7,
            ("a", MqttQualityOfServiceLevel.AtMostOnce),
            ("b", MqttQualityOfServiceLevel.ExactlyOnce),
            ("c", MqttQualityOfServiceLevel.AtLeastOnce),
            ("d", MqttQualityOfServiceLevel.AtMostOnce)));
        MqttSubAckPacket subAck = await subscriber.ReceiveAsync<MqttSubAckPacket>();

        Assert.Equal(7, subAck.PacketIdentifier);
        Assert.Equal(
            [MqttSubscribeReasonCode.GrantedQoS0, MqttSubscribeReasonCode.GrantedQoS2, MqttSubscribeReasonCode.GrantedQoS1, MqttSubscribeReasonCode.GrantedQoS0],
            subAck.ReasonCodes);
    }
}
