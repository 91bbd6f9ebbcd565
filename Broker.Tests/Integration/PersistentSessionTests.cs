using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// Sessions as MQTT tutorials describe them: a client that connects with clean session off (MQTT 3.1.1) or a session
/// expiry interval (MQTT 5) keeps its subscriptions while away, and gets the QoS 1 messages published meanwhile.
/// </summary>
public sealed class PersistentSessionTests
{
    private const string Topic = "x/y";

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Delivers_the_messages_published_while_a_persistent_subscriber_was_away_in_order(TransportKind transport)
    {
        // Arrange: subscribe with clean session off, then go away cleanly.
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        await using (TestMqttClient away = await ConnectPersistentAsync(broker.Port, "s1"))
        {
            await away.SubscribeAsync(Topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await broker.Logs.WaitForAsync("s1 disconnected; its session is kept for 7 days: messages for its subscriptions queue until it comes back");
        await using TestMqttClient publisher = await TestMqttClient.ConnectAsync(broker.Port, "publisher");

        // Act
        foreach (string payload in new[] { "queued 1", "queued 2", "queued 3" })
        {
            Assert.True((await publisher.PublishAsync(Topic, payload, MqttQualityOfServiceLevel.AtLeastOnce)).IsSuccess);
        }

        (TestMqttClient client, MqttClientConnectResult result) = await TestMqttClient.TryConnectAsync(broker.Port, "s1", configure: options => options.WithCleanSession(false));
        await using TestMqttClient back = client;

        // Assert
        Assert.True(result.IsSessionPresent);
        Assert.Equal("queued 1", (await back.WaitForMessageAsync()).Payload);
        Assert.Equal("queued 2", (await back.WaitForMessageAsync()).Payload);
        Assert.Equal("queued 3", (await back.WaitForMessageAsync()).Payload);
        await broker.Logs.WaitForAsync($"'{Topic}' ← publisher: \"queued 1\" (QoS 1) → 1 client: s1 (offline: queued)");
        await broker.Logs.WaitForAsync(message => message.StartsWith("s1 connected from ", StringComparison.Ordinal) && message.EndsWith(", resumes its session)", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Starts_afresh_for_a_client_that_connects_with_clean_session_on(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        await using (TestMqttClient away = await ConnectPersistentAsync(broker.Port, "s1"))
        {
            await away.SubscribeAsync(Topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await using TestMqttClient publisher = await TestMqttClient.ConnectAsync(broker.Port, "publisher");
        await publisher.PublishAsync(Topic, "queued", MqttQualityOfServiceLevel.AtLeastOnce);

        // Act
        (TestMqttClient client, MqttClientConnectResult result) = await TestMqttClient.TryConnectAsync(broker.Port, "s1");
        await using TestMqttClient clean = client;
        await publisher.PublishAsync(Topic, "after", MqttQualityOfServiceLevel.AtLeastOnce);
        await using TestMqttClient probe = await TestMqttClient.ConnectAsync(broker.Port, "probe");
        await probe.SubscribeAsync(Topic);
        await publisher.PublishAsync(Topic, "probe");
        await probe.WaitForMessageAsync();

        // Assert: no session, no queue, no subscription. The probe got its message after 'after' was routed; a delivery to
        // the clean client would be on its way by then, so a short wait tells.
        Assert.False(result.IsSessionPresent);
        await Assert.ThrowsAsync<TimeoutException>(() => clean.WaitForMessageAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Gets_every_message_of_a_burst_of_ten_thousand_published_while_it_was_away(TransportKind transport)
    {
        // Arrange: a queue that holds the whole burst; the fast transport's shortcuts must not bypass it.
        const int Burst = 10_000;
        await using InProcessBroker broker = await InProcessBroker.StartAsync(
            new Dictionary<string, string?> { ["Broker:MaxPendingMessagesPerClient"] = "10000", ["Logging:LogLevel:Default"] = "Warning" },
            transport: transport);
        await using (TestMqttClient away = await ConnectPersistentAsync(broker.Port, "s1"))
        {
            await away.SubscribeAsync(Topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await using TestMqttClient publisher = await TestMqttClient.ConnectAsync(broker.Port, "publisher");

        // Act
        for (int index = 0; index < Burst; index++)
        {
            await publisher.PublishAsync(Topic, index.ToString(System.Globalization.CultureInfo.InvariantCulture), MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await using TestMqttClient back = await ConnectPersistentAsync(broker.Port, "s1");

        // Assert
        for (int index = 0; index < Burst; index++)
        {
            Assert.Equal(index.ToString(System.Globalization.CultureInfo.InvariantCulture), (await back.WaitForMessageAsync()).Payload);
        }
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Ends_an_mqtt5_session_when_its_expiry_interval_has_passed(TransportKind transport)
    {
        // Arrange
        ManualTimeProvider clock = new();
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport, timeProvider: clock);
        await using (TestMqttClient away = await ConnectPersistentAsync(broker.Port, "s5", MqttProtocolVersion.V500, sessionExpirySeconds: 60))
        {
            await away.SubscribeAsync(Topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await broker.Logs.WaitForAsync("s5 disconnected; its session is kept for 60 s");

        // Act
        clock.Advance(TimeSpan.FromSeconds(60));
        await broker.Logs.WaitForAsync("s5's session expired after 60 s away; 0 queued messages were dropped");
        (TestMqttClient client, MqttClientConnectResult result) = await TestMqttClient.TryConnectAsync(broker.Port, "s5", MqttProtocolVersion.V500, options => options.WithCleanSession(false).WithSessionExpiryInterval(60));
        await using TestMqttClient back = client;

        // Assert
        Assert.False(result.IsSessionPresent);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Keeps_an_mqtt5_session_for_the_interval_its_disconnect_sets(TransportKind transport)
    {
        // Arrange: connected asking for an hour, leaving with ten seconds (OASIS MQTT 5.0 section 3.14.2.2.2).
        ManualTimeProvider clock = new();
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport, timeProvider: clock);
        TestMqttClient away = await ConnectPersistentAsync(broker.Port, "s5", MqttProtocolVersion.V500, sessionExpirySeconds: 3_600);
        await away.SubscribeAsync(Topic, MqttQualityOfServiceLevel.AtLeastOnce);

        // Act
        await away.Client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithSessionExpiryInterval(10).Build());
        await away.DisposeAsync();
        await broker.Logs.WaitForAsync("s5 disconnected; its session is kept for 10 s");
        clock.Advance(TimeSpan.FromSeconds(10));

        // Assert
        await broker.Logs.WaitForAsync("s5's session expired after 10 s away");
    }

    [SkippableTheory]
    [InlineData(1u, 0u)]
    [InlineData(3_600u, 1u)]
    public async Task Mosquitto_ends_an_mqtt5_session_when_the_interval_of_its_connect_or_disconnect_has_passed(uint connectSeconds, uint disconnectSeconds)
    {
        // Arrange: the reference for the two tests above; Mosquitto runs on the real clock, so the intervals are a second.
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();
        TestMqttClient away = await ConnectPersistentAsync(mosquitto.Port, "s5", MqttProtocolVersion.V500, sessionExpirySeconds: connectSeconds);
        await away.SubscribeAsync(Topic, MqttQualityOfServiceLevel.AtLeastOnce);
        MqttClientDisconnectOptionsBuilder disconnect = new();
        if (disconnectSeconds != 0)
        {
            disconnect.WithSessionExpiryInterval(disconnectSeconds);
        }

        await away.Client.DisconnectAsync(disconnect.Build());
        await away.DisposeAsync();

        // Act: the real clock has to run past the interval (Mosquitto has no clock to advance).
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        (TestMqttClient client, MqttClientConnectResult result) = await TestMqttClient.TryConnectAsync(mosquitto.Port, "s5", MqttProtocolVersion.V500, options => options.WithCleanSession(false).WithSessionExpiryInterval(60));
        await using TestMqttClient back = client;

        // Assert
        Assert.False(result.IsSessionPresent);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Ends_an_mqtt311_session_after_the_configured_hours(TransportKind transport)
    {
        // Arrange
        ManualTimeProvider clock = new();
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?> { ["Broker:PersistentSessionExpiryHours"] = "2" }, transport: transport, timeProvider: clock);
        await using (TestMqttClient away = await ConnectPersistentAsync(broker.Port, "s1"))
        {
            await away.SubscribeAsync(Topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await using TestMqttClient publisher = await TestMqttClient.ConnectAsync(broker.Port, "publisher");
        await publisher.PublishAsync(Topic, "queued", MqttQualityOfServiceLevel.AtLeastOnce);

        // Act
        clock.Advance(TimeSpan.FromHours(2));

        // Assert
        await broker.Logs.WaitForAsync("s1's session expired after 2 h away; 1 queued messages were dropped");
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Lists_a_client_that_is_away_with_its_queue_in_clients_and_subs(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        await using (TestMqttClient away = await ConnectPersistentAsync(broker.Port, "s1"))
        {
            await away.SubscribeAsync(Topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await using TestMqttClient publisher = await TestMqttClient.ConnectAsync(broker.Port, "publisher");
        await publisher.PublishAsync(Topic, "one", MqttQualityOfServiceLevel.AtLeastOnce);
        await publisher.PublishAsync(Topic, "two", MqttQualityOfServiceLevel.AtLeastOnce);

        // Act
        broker.Input.Type("clients");
        broker.Input.Type("subs");

        // Assert
        await broker.Output.WaitForAsync("1 offline, its session kept:" + Environment.NewLine + "  s1  offline since ");
        await broker.Output.WaitForAsync(", 2 messages queued, kept until ");
        await broker.Output.WaitForAsync("  'x/y' → s1 (QoS 1, offline: queued)");
    }

    [SkippableTheory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Queues_for_mosquitto_sub_with_clean_session_off_as_mosquitto_does(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);

        // Act and assert
        await WalkThroughSessionWithMosquittoClientsAsync(broker.Port);
    }

    [SkippableFact]
    public async Task Mosquitto_queues_for_mosquitto_sub_with_clean_session_off()
    {
        // Arrange: the reference the walk-through is held to.
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();

        // Act and assert
        await WalkThroughSessionWithMosquittoClientsAsync(mosquitto.Port);
    }

    /// <summary>
    /// What a tutorial has a learner type: subscribe with clean session off (-c) and a fixed id, go away (-E exits once
    /// subscribed), publish at QoS 1, come back: the message published meanwhile arrives.
    /// </summary>
    private static async Task WalkThroughSessionWithMosquittoClientsAsync(int port)
    {
        string[] session = ["-c", "-i", "s1", "-q", "1", "-t", Topic];
        using (ChildProcess first = Mosquitto.StartSubscriber(port, [.. session, "-E"]))
        {
            await first.WaitForExitAsync(TestTimeouts.Process);
            Assert.Equal(0, first.ExitCode);
        }

        ToolResult published = await Mosquitto.PublishAsync(port, "-q", "1", "-t", Topic, "-m", "queued");
        using ChildProcess back = Mosquitto.StartSubscriber(port, [.. session, "-C", "1", "-W", "10"]);
        await back.WaitForExitAsync(TestTimeouts.Process);

        Assert.Equal(0, published.ExitCode);
        Assert.Equal(0, back.ExitCode);
        Assert.Equal(["queued"], back.OutputLines);
    }

    private static Task<TestMqttClient> ConnectPersistentAsync(int port, string clientId, MqttProtocolVersion version = MqttProtocolVersion.V311, uint sessionExpirySeconds = 0)
    {
        return TestMqttClient.ConnectAsync(port, clientId, version, options => options.WithCleanSession(false).WithSessionExpiryInterval(sessionExpirySeconds));
    }
}
