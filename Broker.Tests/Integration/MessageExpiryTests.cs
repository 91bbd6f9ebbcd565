using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// A message published with a Message Expiry Interval (OASIS MQTT 5.0 section 3.3.2.3.3) is not delivered once the
/// interval has passed, from a kept session's queue or as a retained message, and what is delivered carries the time
/// it has left. Our broker runs on a manual clock; Mosquitto on the real one, with intervals of a second.
/// </summary>
public sealed class MessageExpiryTests
{
    private const string Topic = "x/y";
    private const uint LongSeconds = 60;

    /// <summary>Intervals are whole seconds, and Mosquitto counts on its own clock: a remaining interval may be this much shorter.</summary>
    private const uint ClockSlackSeconds = 3;

    private static readonly TimeSpan s_away = TimeSpan.FromSeconds(2);

    public static TheoryData<TransportKind, MqttProtocolVersion> TransportsAndVersions =>
        Transports.Times(MqttProtocolVersion.V311, MqttProtocolVersion.V500);

    [Theory]
    [MemberData(nameof(TransportsAndVersions))]
    public async Task Drops_an_expired_message_from_a_kept_session_and_sends_the_rest_with_the_time_left(TransportKind transport, MqttProtocolVersion subscriberVersion)
    {
        // Arrange
        ManualTimeProvider clock = new();
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport, timeProvider: clock);

        // Act and assert
        await ExpiresFromTheQueueAsync(broker.Port, subscriberVersion, away => AdvanceAsync(clock, away));
    }

    [SkippableTheory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task Mosquitto_drops_an_expired_message_from_a_kept_session_and_sends_the_rest_with_the_time_left(MqttProtocolVersion subscriberVersion)
    {
        // Arrange
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act and assert: Mosquitto has no clock to advance; the real one has to run past the short message's second.
        await ExpiresFromTheQueueAsync(mosquitto.Port, subscriberVersion, Task.Delay);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Does_not_send_an_expired_retained_message_and_sends_the_rest_with_the_time_left(TransportKind transport)
    {
        // Arrange
        ManualTimeProvider clock = new();
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport, timeProvider: clock);

        // Act and assert
        await ExpiresRetainedAsync(broker.Port, away => AdvanceAsync(clock, away));
    }

    [SkippableFact]
    public async Task Mosquitto_does_not_send_an_expired_retained_message_and_sends_the_rest_with_the_time_left()
    {
        // Arrange
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act and assert
        await ExpiresRetainedAsync(mosquitto.Port, Task.Delay);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Does_not_send_a_retained_message_that_expired_while_the_broker_was_stopped(TransportKind transport)
    {
        // Arrange
        ManualTimeProvider clock = new();
        using TemporaryDirectory data = new();
        await using (InProcessBroker first = await InProcessBroker.StartAsync(dataDirectory: data.FullPath, transport: transport, timeProvider: clock))
        {
            await PublishAsync(first.Port, "retained/short", ("short", 1));
            await PublishAsync(first.Port, "retained/long", ("long", LongSeconds));
        }

        // Act: the broker is stopped while the short message's second runs out.
        clock.Advance(s_away);
        await using InProcessBroker second = await InProcessBroker.StartAsync(dataDirectory: data.FullPath, transport: transport, timeProvider: clock);

        // Assert: the long message's two seconds went by during the restart too.
        await ReceivesOnlyTheLongRetainedMessageAsync(second.Port, slackSeconds: 0);
    }

    /// <summary>
    /// A subscriber with a kept session leaves; a one-second and a one-minute QoS 1 message are published; two seconds
    /// pass; it comes back: only the one-minute message arrives, with about 58 seconds left.
    /// </summary>
    private static async Task ExpiresFromTheQueueAsync(int port, MqttProtocolVersion version, Func<TimeSpan, Task> letTimePass)
    {
        using (PacketConnection away = await ConnectKeptAsync(port, version))
        {
            await away.SendAsync(TestPackets.Subscribe(1, (Topic, MqttQualityOfServiceLevel.AtLeastOnce)));
            await away.ReceiveAsync<MqttSubAckPacket>();
            await away.SendAsync(new MqttDisconnectPacket());
        }

        await PublishAsync(port, Topic, ("short", 1), ("long", LongSeconds));
        await letTimePass(s_away);
        using PacketConnection back = await ConnectKeptAsync(port, version);
        MqttPublishPacket delivered = await back.ReceiveAsync<MqttPublishPacket>();
        await back.SendAsync(new MqttPubAckPacket { PacketIdentifier = delivered.PacketIdentifier });
        await back.SendAsync(MqttPingReqPacket.Instance);
        MqttPacket next = await back.ReceiveAsync();

        Assert.Equal("long", TestPackets.TextOf(delivered));
        Assert.IsType<MqttPingRespPacket>(next);
        if (version == MqttProtocolVersion.V500)
        {
            Assert.InRange(delivered.MessageExpiryInterval, LongSeconds - 2 - ClockSlackSeconds, LongSeconds - 2);
        }
    }

    /// <summary>A one-second and a one-minute retained message; two seconds later a subscriber gets only the second, with its time left.</summary>
    private static async Task ExpiresRetainedAsync(int port, Func<TimeSpan, Task> letTimePass)
    {
        await PublishAsync(port, "retained/short", ("short", 1));
        await PublishAsync(port, "retained/long", ("long", LongSeconds));
        await letTimePass(s_away);
        await ReceivesOnlyTheLongRetainedMessageAsync(port, ClockSlackSeconds);
    }

    /// <summary>A late subscriber to retained/# gets the one-minute message alone, two seconds (and up to <paramref name="slackSeconds"/> more) short.</summary>
    private static async Task ReceivesOnlyTheLongRetainedMessageAsync(int port, uint slackSeconds)
    {
        (PacketConnection connection, _) = await PacketConnection.ConnectAsync(port, MqttProtocolVersion.V500, TestPackets.Connect("late"));
        using PacketConnection late = connection;

        await late.SendAsync(TestPackets.Subscribe(1, ("retained/#", MqttQualityOfServiceLevel.AtLeastOnce)));

        // MQTTnet may write the retained message before the SUBACK; MQTT sets no order between them.
        MqttPacket[] answers = [await late.ReceiveAsync(), await late.ReceiveAsync()];
        Assert.Single(answers.OfType<MqttSubAckPacket>());
        MqttPublishPacket delivered = Assert.Single(answers.OfType<MqttPublishPacket>());
        await late.SendAsync(new MqttPubAckPacket { PacketIdentifier = delivered.PacketIdentifier });
        await late.SendAsync(MqttPingReqPacket.Instance);
        MqttPacket next = await late.ReceiveAsync();

        Assert.Equal("long", TestPackets.TextOf(delivered));
        Assert.True(delivered.Retain);
        Assert.InRange(delivered.MessageExpiryInterval, LongSeconds - 2 - slackSeconds, LongSeconds - 2);
        Assert.IsType<MqttPingRespPacket>(next);
    }

    private static Task AdvanceAsync(ManualTimeProvider clock, TimeSpan away)
    {
        clock.Advance(away);
        return Task.CompletedTask;
    }

    private static async Task<PacketConnection> ConnectKeptAsync(int port, MqttProtocolVersion version)
    {
        (PacketConnection connection, _) = await PacketConnection.ConnectAsync(port, version, TestPackets.Connect("kept", connect =>
        {
            connect.CleanSession = false;
            connect.SessionExpiryInterval = 300;
        }));
        return connection;
    }

    private static async Task PublishAsync(int port, string topic, params (string Payload, uint ExpirySeconds)[] messages)
    {
        await using TestMqttClient publisher = await TestMqttClient.ConnectAsync(port, "publisher", MqttProtocolVersion.V500);
        foreach ((string payload, uint expirySeconds) in messages)
        {
            using CancellationTokenSource timeout = new(TestTimeouts.Short);
            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(topic != Topic)
                .WithMessageExpiryInterval(expirySeconds)
                .Build();
            await publisher.Client.PublishAsync(message, timeout.Token);
        }
    }
}
