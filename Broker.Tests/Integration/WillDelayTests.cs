using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// An MQTT 5 will with a Will Delay Interval (OASIS MQTT 5.0 section 3.1.3.2.2): published only once the delay has passed
/// or the session has ended, whichever comes first, and not at all when the client connects again in time. Our broker
/// runs on a manual clock; Mosquitto on the real one.
/// </summary>
public sealed class WillDelayTests
{
    private const string WillTopic = "classroom/board-7/status";
    private const string ClientId = "board-7";
    private const uint WillDelaySeconds = 2;
    private const uint LongSeconds = 3_600;

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Publishes_a_delayed_will_only_once_the_delay_has_passed(TransportKind transport)
    {
        // Arrange
        ManualTimeProvider clock = new();
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport, timeProvider: clock);

        // Act and assert
        await PublishesAfterTheDelayAsync(Ours(broker, clock));
    }

    [SkippableFact]
    public async Task Mosquitto_publishes_a_delayed_will_only_once_the_delay_has_passed()
    {
        // Arrange
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act and assert
        await PublishesAfterTheDelayAsync(Theirs(mosquitto));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Does_not_publish_a_delayed_will_when_the_client_connects_again_in_time(TransportKind transport)
    {
        // Arrange
        ManualTimeProvider clock = new();
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport, timeProvider: clock);

        // Act and assert
        await DropsWhenBackInTimeAsync(Ours(broker, clock));
    }

    [SkippableFact]
    public async Task Mosquitto_does_not_publish_a_delayed_will_when_the_client_connects_again_in_time()
    {
        // Arrange
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act and assert
        await DropsWhenBackInTimeAsync(Theirs(mosquitto));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Publishes_a_delayed_will_when_the_session_ends_before_the_delay(TransportKind transport)
    {
        // Arrange
        ManualTimeProvider clock = new();
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport, timeProvider: clock);

        // Act and assert
        await PublishesAtSessionEndAsync(Ours(broker, clock));
    }

    [SkippableFact]
    public async Task Mosquitto_publishes_a_delayed_will_when_the_session_ends_before_the_delay()
    {
        // Arrange
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act and assert
        await PublishesAtSessionEndAsync(Theirs(mosquitto));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Publishes_the_will_of_a_client_that_disconnects_with_reason_disconnect_with_will_message(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);

        // Act and assert
        await PublishesOnDisconnectWithWillAsync(broker.Port);
    }

    [SkippableFact]
    public async Task Mosquitto_publishes_the_will_of_a_client_that_disconnects_with_reason_disconnect_with_will_message()
    {
        // Arrange
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act and assert
        await PublishesOnDisconnectWithWillAsync(mosquitto.Port);
    }

    /// <summary>
    /// The board vanishes; a probe published to the will topic arrives before any will (so none came at once); once the
    /// delay has passed, the will arrives.
    /// </summary>
    private static async Task PublishesAfterTheDelayAsync(BrokerUnderTest broker)
    {
        await using TestMqttClient watcher = await WatchAsync(broker.Port);
        using (PacketConnection board = await ConnectWithWillAsync(broker.Port, WillDelaySeconds, LongSeconds))
        {
            board.Drop();
        }

        await broker.ConnectionLostAsync();
        await ProbeAsync(broker.Port);
        ReceivedMessage beforeDelay = await watcher.WaitForMessageAsync();
        await broker.LetTimePassAsync(TimeSpan.FromSeconds(WillDelaySeconds));
        ReceivedMessage afterDelay = await watcher.WaitForMessageAsync();

        Assert.Equal("probe", beforeDelay.Payload);
        Assert.Equal("offline", afterDelay.Payload);
    }

    /// <summary>The board vanishes and comes back before the delay has passed; after the delay only the probe arrives.</summary>
    private static async Task DropsWhenBackInTimeAsync(BrokerUnderTest broker)
    {
        await using TestMqttClient watcher = await WatchAsync(broker.Port);
        using (PacketConnection board = await ConnectWithWillAsync(broker.Port, WillDelaySeconds, LongSeconds))
        {
            board.Drop();
        }

        await broker.ConnectionLostAsync();
        using PacketConnection back = await ConnectWithWillAsync(broker.Port, WillDelaySeconds, LongSeconds);
        await broker.ConnectedAgainAsync();
        await broker.LetTimePassAsync(TimeSpan.FromSeconds(WillDelaySeconds + 1));
        await ProbeAsync(broker.Port);
        ReceivedMessage next = await watcher.WaitForMessageAsync();

        Assert.Equal("probe", next.Payload);
    }

    /// <summary>A will delayed by an hour on a session kept for two seconds: the will comes when the session ends.</summary>
    private static async Task PublishesAtSessionEndAsync(BrokerUnderTest broker)
    {
        await using TestMqttClient watcher = await WatchAsync(broker.Port);
        using (PacketConnection board = await ConnectWithWillAsync(broker.Port, LongSeconds, WillDelaySeconds))
        {
            board.Drop();
        }

        await broker.ConnectionLostAsync();
        await ProbeAsync(broker.Port);
        ReceivedMessage beforeSessionEnd = await watcher.WaitForMessageAsync();
        await broker.LetTimePassAsync(TimeSpan.FromSeconds(WillDelaySeconds));
        ReceivedMessage atSessionEnd = await watcher.WaitForMessageAsync();

        Assert.Equal("probe", beforeSessionEnd.Payload);
        Assert.Equal("offline", atSessionEnd.Payload);
    }

    /// <summary>A DISCONNECT with reason code 0x04 asks for the will (section 3.14.2.1): it comes, though the client said goodbye.</summary>
    private static async Task PublishesOnDisconnectWithWillAsync(int port)
    {
        await using TestMqttClient watcher = await WatchAsync(port);
        using PacketConnection board = await ConnectWithWillAsync(port, willDelaySeconds: 0, sessionExpirySeconds: 0);

        await board.SendAsync(new MqttDisconnectPacket { ReasonCode = MqttDisconnectReasonCode.DisconnectWithWillMessage });
        ReceivedMessage will = await watcher.WaitForMessageAsync();

        Assert.Equal(new ReceivedMessage(WillTopic, "offline", false), will);
    }

    private static async Task<TestMqttClient> WatchAsync(int port)
    {
        TestMqttClient watcher = await TestMqttClient.ConnectAsync(port, "watcher", MqttProtocolVersion.V500);
        await watcher.SubscribeAsync(WillTopic, MqttQualityOfServiceLevel.AtLeastOnce);
        return watcher;
    }

    private static async Task<PacketConnection> ConnectWithWillAsync(int port, uint willDelaySeconds, uint sessionExpirySeconds)
    {
        (PacketConnection connection, MqttConnAckPacket connAck) = await PacketConnection.ConnectAsync(port, MqttProtocolVersion.V500, TestPackets.Connect(ClientId, connect =>
        {
            connect.CleanSession = false;
            connect.SessionExpiryInterval = sessionExpirySeconds;
            connect.WillFlag = true;
            connect.WillTopic = WillTopic;
            connect.WillMessage = "offline"u8.ToArray();
            connect.WillQoS = MqttQualityOfServiceLevel.AtLeastOnce;
            connect.WillDelayInterval = willDelaySeconds;
        }));
        Assert.Equal(MqttConnectReasonCode.Success, connAck.ReasonCode);
        return connection;
    }

    private static async Task ProbeAsync(int port)
    {
        await using TestMqttClient prober = await TestMqttClient.ConnectAsync(port, "prober", MqttProtocolVersion.V500);
        await prober.PublishAsync(WillTopic, "probe", MqttQualityOfServiceLevel.AtLeastOnce);
    }

    private static BrokerUnderTest Ours(InProcessBroker broker, ManualTimeProvider clock)
    {
        return new BrokerUnderTest(
            broker.Port,
            () => broker.Logs.WaitForAsync($"{ClientId} lost its connection"),

            // MQTTnet 5.2 reports a connection after its CONNACK (MqttClientSessionsManager.HandleClientConnectionAsync):
            // the clock moves on once the broker has seen the board back, not merely once the board has its CONNACK.
            () => broker.Logs.WaitForAsync($"{ClientId} connected again within its will delay: its last will to '{WillTopic}' is not published"),
            away =>
            {
                clock.Advance(away);
                return Task.CompletedTask;
            });
    }

    /// <summary>Mosquitto has no clock to advance nor a log to wait on: the real clock runs, with a second of margin.</summary>
    private static BrokerUnderTest Theirs(MosquittoBroker mosquitto)
    {
        return new BrokerUnderTest(mosquitto.Port, () => Task.CompletedTask, () => Task.CompletedTask, away => Task.Delay(away + TimeSpan.FromSeconds(1)));
    }

    /// <summary>
    /// A broker a scenario runs against: its port, how to know it noticed a lost connection and a client back in time
    /// for its will, how to let time pass.
    /// </summary>
    private sealed record BrokerUnderTest(int Port, Func<Task> ConnectionLostAsync, Func<Task> ConnectedAgainAsync, Func<TimeSpan, Task> LetTimePassAsync);
}
