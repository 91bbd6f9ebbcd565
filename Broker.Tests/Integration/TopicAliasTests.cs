using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// Topic aliases from an MQTT 5 client (OASIS MQTT 5.0 section 3.3.2.3.4): within the Topic Alias Maximum the broker's
/// CONNACK announces, a PUBLISH that sets an alias and the ones that use it reach subscribers on the full topic; an
/// alias above that maximum, or one never set, ends the connection with the reason code section 3.3.4 names.
/// </summary>
public sealed class TopicAliasTests
{
    private const string Topic = "classroom/board-7/led";

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Delivers_publishes_that_use_a_topic_alias_on_the_full_topic(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);

        // Act and assert
        await ResolvesAliasesAsync(broker.Port);
    }

    [SkippableFact]
    public async Task Mosquitto_delivers_publishes_that_use_a_topic_alias_on_the_full_topic()
    {
        // Arrange
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act and assert
        await ResolvesAliasesAsync(mosquitto.Port);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Disconnects_a_client_that_uses_an_alias_above_the_maximum_with_topic_alias_invalid(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);

        // Act and assert
        await RefusesAliasAboveMaximumAsync(broker.Port);
    }

    [SkippableFact]
    public async Task Mosquitto_disconnects_a_client_that_uses_an_alias_above_the_maximum_with_topic_alias_invalid()
    {
        // Arrange
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act and assert
        await RefusesAliasAboveMaximumAsync(mosquitto.Port);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Disconnects_a_client_that_uses_an_alias_it_never_set_with_protocol_error(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);

        // Act and assert
        await RefusesUnknownAliasAsync(broker.Port);
    }

    [SkippableFact]
    public async Task Mosquitto_disconnects_a_client_that_uses_an_alias_it_never_set_with_protocol_error()
    {
        // Arrange
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act and assert
        await RefusesUnknownAliasAsync(mosquitto.Port);
    }

    private static async Task ResolvesAliasesAsync(int port)
    {
        await using TestMqttClient subscriber = await TestMqttClient.ConnectAsync(port, "subscriber", MqttProtocolVersion.V500);
        await subscriber.SubscribeAsync(Topic, MqttQualityOfServiceLevel.AtLeastOnce);
        (PacketConnection connection, MqttConnAckPacket connAck) = await PacketConnection.ConnectAsync(port, MqttProtocolVersion.V500, TestPackets.Connect("aliaser"));
        using PacketConnection publisher = connection;
        ushort alias = connAck.TopicAliasMaximum;

        MqttPublishPacket setting = TestPackets.Publish(Topic, "on", MqttQualityOfServiceLevel.AtLeastOnce, packetId: 1);
        setting.TopicAlias = alias;
        MqttPublishPacket using1 = TestPackets.Publish(string.Empty, "off", MqttQualityOfServiceLevel.AtLeastOnce, packetId: 2);
        using1.TopicAlias = alias;
        MqttPublishPacket using2 = TestPackets.Publish(string.Empty, "on again");
        using2.TopicAlias = alias;
        await publisher.SendAsync(setting);
        await publisher.ReceiveAsync<MqttPubAckPacket>();
        await publisher.SendAsync(using1);
        MqttPubAckPacket secondAck = await publisher.ReceiveAsync<MqttPubAckPacket>();
        await publisher.SendAsync(using2);

        Assert.InRange(alias, (ushort)1, ushort.MaxValue);
        Assert.Equal(MqttPubAckReasonCode.Success, secondAck.ReasonCode);
        Assert.Equal(new ReceivedMessage(Topic, "on", false), await subscriber.WaitForMessageAsync());
        Assert.Equal(new ReceivedMessage(Topic, "off", false), await subscriber.WaitForMessageAsync());
        Assert.Equal(new ReceivedMessage(Topic, "on again", false), await subscriber.WaitForMessageAsync());
    }

    private static async Task RefusesAliasAboveMaximumAsync(int port)
    {
        (PacketConnection connection, MqttConnAckPacket connAck) = await PacketConnection.ConnectAsync(port, MqttProtocolVersion.V500, TestPackets.Connect("aliaser"));
        using PacketConnection publisher = connection;
        MqttPublishPacket tooHigh = TestPackets.Publish(Topic, "on", MqttQualityOfServiceLevel.AtLeastOnce, packetId: 1);
        tooHigh.TopicAlias = (ushort)(connAck.TopicAliasMaximum + 1);

        await publisher.SendAsync(tooHigh);
        MqttDisconnectPacket disconnect = await publisher.ReceiveAsync<MqttDisconnectPacket>();
        await publisher.WaitUntilClosedAsync(TestTimeouts.Short);

        Assert.True(connAck.TopicAliasMaximum < ushort.MaxValue, "no alias is above 65535");
        Assert.Equal(MqttDisconnectReasonCode.TopicAliasInvalid, disconnect.ReasonCode);
    }

    private static async Task RefusesUnknownAliasAsync(int port)
    {
        (PacketConnection connection, _) = await PacketConnection.ConnectAsync(port, MqttProtocolVersion.V500, TestPackets.Connect("aliaser"));
        using PacketConnection publisher = connection;
        MqttPublishPacket unknown = TestPackets.Publish(string.Empty, "on", MqttQualityOfServiceLevel.AtLeastOnce, packetId: 1);
        unknown.TopicAlias = 1;

        await publisher.SendAsync(unknown);
        MqttDisconnectPacket disconnect = await publisher.ReceiveAsync<MqttDisconnectPacket>();
        await publisher.WaitUntilClosedAsync(TestTimeouts.Short);

        Assert.Equal(MqttDisconnectReasonCode.ProtocolError, disconnect.ReasonCode);
    }
}
