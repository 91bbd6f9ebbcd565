using System.Text;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.Shortcuts;
using Esp32Mqtt.TestSupport;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport.Tests;

public sealed class InlinePublisherTests
{
    public static TheoryData<string, MqttPacket, bool> Packets => new()
    {
        { "a QoS 0 publish", Publish("led"), true },
        { "a QoS 0 publish to a deep topic", Publish("esp32/board-1/led/state"), true },
        { "a QoS 1 publish", Publish("led", MqttQualityOfServiceLevel.AtLeastOnce), false },
        { "a QoS 2 publish", Publish("led", MqttQualityOfServiceLevel.ExactlyOnce), false },
        { "a retained QoS 0 publish", Publish("led", retain: true), true },
        { "a retained QoS 1 publish", Publish("led", MqttQualityOfServiceLevel.AtLeastOnce, retain: true), false },
        { "a publish through a topic alias", Publish(string.Empty, topicAlias: 1), false },
        { "a publish setting a topic alias", Publish("led", topicAlias: 1), false },
        { "a publish to a topic with +", Publish("led/+"), false },
        { "a publish to a topic with #", Publish("led/#"), false },
        { "a ping request", MqttPingReqPacket.Instance, false },
        { "a subscribe", new MqttSubscribePacket(), false },
        { "a publish acknowledgement", new MqttPubAckPacket(), false },
    };

    [Theory]
    [MemberData(nameof(Packets))]
    public void Takes_only_qos_0_publishes_to_plain_topics(string description, MqttPacket packet, bool taken)
    {
        // Arrange
        InlinePublisher publisher = CreatePublisher();

        // Act and assert
        Assert.True(taken == publisher.Takes(packet, CancellationToken.None), description);
    }

    [Fact]
    public void Leaves_a_publish_to_mqttnet_while_the_client_is_sending_more()
    {
        // Arrange
        InlinePublisher publisher = CreatePublisher(new FakeConnection { IsSendingMore = true });

        // Act and assert
        Assert.False(publisher.Takes(Publish("led"), CancellationToken.None));
    }

    [Fact]
    public void Leaves_a_publish_to_mqttnet_once_mqttnet_is_stopping_the_connection()
    {
        // Arrange
        InlinePublisher publisher = CreatePublisher();

        // Act and assert
        Assert.False(publisher.Takes(Publish("led"), new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Leaves_publishes_to_mqttnet_while_a_connect_with_the_same_client_id_is_pending()
    {
        // Arrange
        FakeConnection connection = new();
        InlinePublisher publisher = CreatePublisher(connection);

        // Act
        connection.Takeover.Begin();

        // Assert
        Assert.False(publisher.Takes(Publish("led"), CancellationToken.None));
    }

    [Fact]
    public void Takes_publishes_again_once_the_connect_with_the_same_client_id_is_refused()
    {
        // Arrange
        FakeConnection connection = new();
        InlinePublisher publisher = CreatePublisher(connection);
        connection.Takeover.Begin();

        // Act
        connection.Takeover.End();

        // Assert
        Assert.True(publisher.Takes(Publish("led"), CancellationToken.None));
    }

    private static InlinePublisher CreatePublisher(FakeConnection? connection = null)
    {
        PublishInjector publishing = new(new AcceptedConnections());
        return new InlinePublisher(publishing, new MqttConnectPacket { ClientId = "phone" }, connection ?? new FakeConnection());
    }

    private static MqttPublishPacket Publish(string topic, MqttQualityOfServiceLevel qualityOfService = MqttQualityOfServiceLevel.AtMostOnce, bool retain = false, ushort topicAlias = 0)
    {
        return new MqttPublishPacket
        {
            Topic = topic,
            Payload = new System.Buffers.ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("on")),
            QualityOfServiceLevel = qualityOfService,
            Retain = retain,
            TopicAlias = topicAlias,
        };
    }

    private sealed class FakeConnection : IPublisherConnection
    {
        public bool IsSendingMore { get; init; }

        public ConnectionTakeover Takeover { get; } = new();
    }
}
