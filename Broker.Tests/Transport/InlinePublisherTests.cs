using System.Text;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Transport;

public sealed class InlinePublisherTests
{
    private const ushort KeepAliveSeconds = 60;
    private const ushort ShortKeepAliveSeconds = 2;

    // A quarter of the keep-alive period, but at most a second (InlinePublisher).
    private static readonly TimeSpan s_feedWithin = TimeSpan.FromSeconds(1);

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
        InlinePublisher publisher = CreatePublisher(new ManualTimeProvider());

        // Act and assert
        Assert.True(taken == publisher.Takes(packet, CancellationToken.None), description);
    }

    [Fact]
    public void Leaves_a_publish_to_mqttnet_while_the_client_is_sending_more()
    {
        // Arrange
        InlinePublisher publisher = CreatePublisher(new ManualTimeProvider(), new FakeConnection { IsSendingMore = true });

        // Act and assert
        Assert.False(publisher.Takes(Publish("led"), CancellationToken.None));
    }

    [Fact]
    public void Leaves_a_publish_to_mqttnet_once_mqttnet_is_stopping_the_connection()
    {
        // Arrange
        InlinePublisher publisher = CreatePublisher(new ManualTimeProvider());

        // Act and assert
        Assert.False(publisher.Takes(Publish("led"), new CancellationToken(canceled: true)));
    }

    [Theory]
    [InlineData(KeepAliveSeconds, 1.0)]
    [InlineData(ShortKeepAliveSeconds, 0.5)]
    public void Leaves_a_publish_to_mqttnet_when_mqttnet_has_not_seen_the_client_for_a_quarter_of_its_keep_alive_or_a_second(ushort keepAliveSeconds, double unseenSeconds)
    {
        // Arrange
        ManualTimeProvider clock = new();
        InlinePublisher publisher = CreatePublisher(clock, keepAliveSeconds: keepAliveSeconds);
        clock.Advance(TimeSpan.FromSeconds(unseenSeconds) - TimeSpan.FromTicks(1));
        Assert.True(publisher.Takes(Publish("led"), CancellationToken.None));

        // Act
        clock.Advance(TimeSpan.FromTicks(1));

        // Assert
        Assert.False(publisher.Takes(Publish("led"), CancellationToken.None));
    }

    [Fact]
    public void Takes_publishes_again_once_mqttnet_has_seen_a_packet_from_the_client()
    {
        // Arrange
        ManualTimeProvider clock = new();
        InlinePublisher publisher = CreatePublisher(clock);
        clock.Advance(s_feedWithin);
        Assert.False(publisher.Takes(Publish("led"), CancellationToken.None));

        // Act: the packet it did not take went to MQTTnet.
        publisher.HandedToMqttnet();

        // Assert
        Assert.True(publisher.Takes(Publish("led"), CancellationToken.None));
    }

    [Fact]
    public void Counts_a_packet_mqttnet_was_given_as_seen_when_the_publisher_last_looked_at_the_clock()
    {
        // Arrange
        ManualTimeProvider clock = new();
        InlinePublisher publisher = CreatePublisher(clock);
        clock.Advance(s_feedWithin * 0.9);
        Assert.True(publisher.Takes(Publish("led"), CancellationToken.None));
        publisher.HandedToMqttnet();

        // Act: 1.8 s after the start, 0.9 s after the last look.
        clock.Advance(s_feedWithin * 0.9);
        bool takenAfterTheHandOver = publisher.Takes(Publish("led"), CancellationToken.None);
        clock.Advance(s_feedWithin * 0.2);

        // Assert: not counted as seen at 1.8 s, when the publisher looked again, which would run ahead of MQTTnet.
        Assert.True(takenAfterTheHandOver);
        Assert.False(publisher.Takes(Publish("led"), CancellationToken.None));
    }

    [Fact]
    public void Takes_publishes_from_a_client_without_keep_alive_however_long_mqttnet_has_not_seen_it()
    {
        // Arrange: keep-alive 0 turns MQTTnet's monitor off for the client.
        ManualTimeProvider clock = new();
        InlinePublisher publisher = CreatePublisher(clock, keepAliveSeconds: 0);

        // Act
        clock.Advance(TimeSpan.FromDays(1));

        // Assert
        Assert.True(publisher.Takes(Publish("led"), CancellationToken.None));
    }

    [Fact]
    public void Leaves_publishes_to_mqttnet_while_a_connect_with_the_same_client_id_is_pending()
    {
        // Arrange
        FakeConnection connection = new();
        InlinePublisher publisher = CreatePublisher(new ManualTimeProvider(), connection);

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
        InlinePublisher publisher = CreatePublisher(new ManualTimeProvider(), connection);
        connection.Takeover.Begin();

        // Act
        connection.Takeover.End();

        // Assert
        Assert.True(publisher.Takes(Publish("led"), CancellationToken.None));
    }

    private static MqttConnectPacket Connect(string clientId, ushort keepAliveSeconds = KeepAliveSeconds)
    {
        return new MqttConnectPacket { ClientId = clientId, KeepAlivePeriod = keepAliveSeconds };
    }

    private static InlinePublisher CreatePublisher(TimeProvider clock, FakeConnection? connection = null, ushort keepAliveSeconds = KeepAliveSeconds)
    {
        InlinePublishing publishing = new(new ClientConnections(), clock);
        return new InlinePublisher(publishing, Connect("phone", keepAliveSeconds), connection ?? new FakeConnection(), clock);
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
