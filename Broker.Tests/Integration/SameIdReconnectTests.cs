using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using MQTTnet;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// A client that reconnects with the same client id at once (a board after a network blip, a script that publishes
/// with a fixed id in a loop) never loses its new connection to the end of its old one.
/// </summary>
public sealed class SameIdReconnectTests
{
    private const int Cycles = 5_000;
    private const string ClientId = "myscript";
    private const int PubAckBytes = 4;
    private const string KeptClientId = "esp32-kept";
    private const string KeptTopic = "esp32/esp32-kept/led";
    private const int MaxFailuresReported = 10;
    private const int Takeovers = 100;
    private const string KeptWillTopic = "esp32/esp32-kept/status";
    private static readonly byte[] s_disconnect = [0xE0, 0x00];

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Keeps_every_connection_of_a_client_that_reconnects_with_the_same_id_at_once(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" }, transport: transport);

        // Act
        IReadOnlyList<string> failures = await ReconnectRepeatedlyAsync(broker.Port);

        // Assert
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cycles} quick reconnects failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(10))}");
    }

    [SkippableFact]
    public async Task Mosquitto_keeps_every_connection_of_a_client_that_reconnects_with_the_same_id_at_once()
    {
        // Arrange: the reference this broker is held to.
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act
        IReadOnlyList<string> failures = await ReconnectRepeatedlyAsync(mosquitto.Port);

        // Assert
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Loses_no_message_queued_for_a_kept_session_whose_client_reconnects_at_once(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" }, transport: transport);

        // Act
        (IReadOnlyList<string> failures, IReadOnlySet<int> received) = await ReconnectKeptSessionRepeatedlyAsync(broker.Port);

        // Assert
        Assert.True(failures.Count == 0, $"{failures.Count} quick reconnects of a kept session failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        Assert.Equal(Enumerable.Range(0, Cycles), received.Order());
    }

    [SkippableFact]
    public async Task Mosquitto_loses_no_message_queued_for_a_kept_session_whose_client_reconnects_at_once()
    {
        // Arrange
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act
        (IReadOnlyList<string> failures, IReadOnlySet<int> received) = await ReconnectKeptSessionRepeatedlyAsync(mosquitto.Port);

        // Assert
        Assert.Empty(failures);
        Assert.Equal(Enumerable.Range(0, Cycles), received.Order());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Publishes_the_will_of_a_kept_session_once_each_time_a_new_connection_takes_it_over(TransportKind transport)
    {
        // Arrange: a board with clean session off and a will, whose connections linger while it connects again.
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" }, transport: transport);
        await using TestMqttClient watcher = await TestMqttClient.ConnectAsync(broker.Port, "watcher");
        await watcher.SubscribeAsync(KeptWillTopic);
        byte[] connect = RawMqtt.Connect311(KeptClientId, keepAliveSeconds: 60, will: (KeptWillTopic, "offline"), cleanSession: false);
        List<Socket> connections = [];

        try
        {
            // Act
            for (int connection = 0; connection <= Takeovers; connection++)
            {
                connections.Add(await RawMqtt.ConnectAsync(broker.Port, connect));
            }

            // Assert: one will per connection taken over (OASIS MQTT 3.1.1 section 3.1.4), and none twice: once all have
            // come (a will may come a moment after the next CONNACK), the next message is one published after them.
            for (int takeover = 0; takeover < Takeovers; takeover++)
            {
                Assert.Equal("offline", (await watcher.WaitForMessageAsync()).Payload);
            }

            await watcher.PublishAsync(KeptWillTopic, "marker");
            Assert.Equal("marker", (await watcher.WaitForMessageAsync()).Payload);
        }
        finally
        {
            connections.ForEach(socket => socket.Dispose());
        }
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Closes_the_old_connection_publishes_its_will_and_keeps_the_new_one_when_the_id_connects_again(TransportKind transport)
    {
        // Arrange: the first connection stays open, as a board's does when WiFi drops and the TCP connection lingers.
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        await using TestMqttClient watcher = await TestMqttClient.ConnectAsync(broker.Port, "watcher");
        await watcher.SubscribeAsync("esp32/esp32-a1/status");
        await using TestMqttClient old = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1", configure: options => options.WithWillTopic("esp32/esp32-a1/status").WithWillPayload("offline"));

        // Act
        await using TestMqttClient renewed = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1");
        MqttClientPublishResult published = await renewed.PublishAsync("esp32/esp32-a1/status", "online", MqttQualityOfServiceLevel.AtLeastOnce);

        // Assert: the old connection is closed, its will was published (OASIS MQTT 3.1.1 sections 3.1.2.5 and 3.1.4),
        // and the new one goes on.
        await Eventually.UntilAsync(() => !old.Client.IsConnected, TestTimeouts.Short, "the old connection to be closed");
        Assert.True(published.IsSuccess);
        Assert.Equal(new ReceivedMessage("esp32/esp32-a1/status", "offline", false), await watcher.WaitForMessageAsync());
        Assert.Equal(new ReceivedMessage("esp32/esp32-a1/status", "online", false), await watcher.WaitForMessageAsync());
        Assert.True(renewed.Client.IsConnected);
        await broker.Logs.WaitForAsync("esp32-a1 was replaced by a new connection with the same client id (two devices sharing one id push each other out); last will published to 'esp32/esp32-a1/status'");
    }

    /// <summary>
    /// Connects as <see cref="ClientId"/>, publishes at QoS 1, waits for the PUBACK, sends DISCONNECT, closes, and
    /// connects again at once, <see cref="Cycles"/> times; returns what went wrong in each cycle that failed.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ReconnectRepeatedlyAsync(int port)
    {
        byte[] publish = RawMqtt.Publish311("scripts/counter", [1], qualityOfService: 1, packetId: 1);
        List<string> failures = [];
        for (int cycle = 0; cycle < Cycles; cycle++)
        {
            try
            {
                using Socket socket = await RawMqtt.ConnectAsync(port, ClientId);
                await socket.SendAsync(publish);
                byte[] pubAck = await RawMqtt.ReadExactlyAsync(socket, PubAckBytes);
                Assert.Equal([0x40, 0x02, 0x00, 0x01], pubAck);
                await socket.SendAsync(s_disconnect);
                socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception exception) when (exception is IOException or SocketException or InvalidOperationException)
            {
                failures.Add($"cycle {cycle}: {exception.Message}");
            }
        }

        return failures;
    }

    /// <summary>
    /// A board with clean session off (its session kept while it is away) subscribed at QoS 1; then, <see cref="Cycles"/>
    /// times, a QoS 1 message numbered by the cycle is published while the board is away, and the board connects at
    /// once, takes and acknowledges what was queued until that cycle's message has come, sends DISCONNECT and closes.
    /// Returns what went wrong (stopping after <see cref="MaxFailuresReported"/>) and the numbers received.
    /// </summary>
    private static async Task<(IReadOnlyList<string> Failures, IReadOnlySet<int> Received)> ReconnectKeptSessionRepeatedlyAsync(int port)
    {
        byte[] connect = RawMqtt.Connect311(KeptClientId, cleanSession: false);
        using (Socket subscribing = await RawMqtt.ConnectAsync(port, connect))
        {
            await subscribing.SendAsync(RawMqtt.Subscribe311(KeptTopic, qualityOfService: 1));
            await RawMqtt.ReadPacketAsync(subscribing);
            await subscribing.SendAsync(s_disconnect);
            subscribing.Shutdown(SocketShutdown.Send);
        }

        await using TestMqttClient publisher = await TestMqttClient.ConnectAsync(port, "classroom-pc");
        int payloadOffset = 2 + Encoding.UTF8.GetByteCount(KeptTopic) + 2;
        HashSet<int> received = [];
        List<string> failures = [];
        for (int cycle = 0; cycle < Cycles && failures.Count < MaxFailuresReported; cycle++)
        {
            await publisher.PublishAsync(KeptTopic, cycle.ToString(CultureInfo.InvariantCulture), MqttQualityOfServiceLevel.AtLeastOnce);
            try
            {
                using Socket socket = await RawMqtt.ConnectAsync(port, connect);
                while (!received.Contains(cycle))
                {
                    (byte header, byte[] body) = await RawMqtt.ReadPacketAsync(socket);
                    if (RawMqtt.IsPublish(header))
                    {
                        received.Add(int.Parse(Encoding.UTF8.GetString(body.AsSpan(payloadOffset)), CultureInfo.InvariantCulture));
                        await socket.SendAsync(RawMqtt.PubAck(RawMqtt.PublishPacketId(body, KeptTopic)));
                    }
                }

                await socket.SendAsync(s_disconnect);
                socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception exception) when (exception is IOException or SocketException or InvalidOperationException or OperationCanceledException)
            {
                failures.Add($"cycle {cycle}: {exception.Message}");
            }
        }

        return (failures, received);
    }
}
