using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

public sealed class MessageRoutingTests
{
    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task Routes_a_publish_to_every_subscriber_and_names_them(MqttProtocolVersion version)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        await using TestMqttClient esp32A = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a", version);
        await using TestMqttClient esp32B = await TestMqttClient.ConnectAsync(broker.Port, "esp32-b", version);
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone", version);
        await esp32A.SubscribeAsync("led");
        await esp32B.SubscribeAsync("#");

        // Act
        await phone.PublishAsync("led", "on");

        // Assert
        Assert.Equal(new ReceivedMessage("led", "on", false), await esp32A.WaitForMessageAsync());
        Assert.Equal(new ReceivedMessage("led", "on", false), await esp32B.WaitForMessageAsync());
        await broker.Logs.WaitForAsync("'led' ← phone: \"on\" (QoS 0) → 2 clients: esp32-a, esp32-b");
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Leaves_the_sender_out_of_a_no_local_subscription(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        await using TestMqttClient esp32A = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a", MqttProtocolVersion.V500);
        await using TestMqttClient esp32B = await TestMqttClient.ConnectAsync(broker.Port, "esp32-b", MqttProtocolVersion.V500);
        await esp32A.SubscribeAsync("led", noLocal: true);
        await esp32B.SubscribeAsync("led");

        // Act
        await esp32A.PublishAsync("led", "on");

        // Assert: had esp32-a received its own "on", it would have come before esp32-b's marker.
        Assert.Equal("on", (await esp32B.WaitForMessageAsync()).Payload);
        await broker.Logs.WaitForAsync("'led' ← esp32-a: \"on\" (QoS 0) → 1 client: esp32-b");
        await esp32B.PublishAsync("led", "marker");
        Assert.Equal("marker", (await esp32A.WaitForMessageAsync()).Payload);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Suggests_the_near_miss_when_a_publish_reaches_nobody(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        await using TestMqttClient esp32A = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a");
        await using TestMqttClient esp32B = await TestMqttClient.ConnectAsync(broker.Port, "esp32-b");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        await esp32A.SubscribeAsync("led");
        await esp32B.SubscribeAsync("led");

        // Act
        await phone.PublishAsync("Led", "on");
        await phone.PublishAsync("lamp", "on");

        // Assert
        await broker.Logs.WaitForAsync("no subscribers for 'Led' — did you mean 'led' (2 subscribers)? (sent by phone: \"on\", QoS 0)");
        await broker.Logs.WaitForAsync("no subscribers for 'lamp' (sent by phone: \"on\", QoS 0)");
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Logs_connects_subscribes_and_a_last_will(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        await phone.SubscribeAsync("esp32/+/status", MqttQualityOfServiceLevel.AtLeastOnce);
        (TestMqttClient esp32, _) = await TestMqttClient.TryConnectAsync(broker.Port, "esp32-a1", MqttProtocolVersion.V311, options => options
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithWillTopic("esp32/esp32-a1/status")
            .WithWillPayload("offline")
            .WithWillRetain(false));

        // Act: the board vanishes without DISCONNECT, as when it loses power.
        esp32.Client.Dispose();

        // Assert
        await broker.Logs.WaitForAsync(message => message.StartsWith("esp32-a1 connected from 127.0.0.1:", StringComparison.Ordinal)
            && message.EndsWith("(MQTT 3.1.1, keep-alive 15 s, will 'esp32/esp32-a1/status')", StringComparison.Ordinal));
        await broker.Logs.WaitForAsync("phone subscribed to 'esp32/+/status' (QoS 1)");
        await broker.Logs.WaitForAsync("esp32-a1 lost its connection (closed without DISCONNECT, or its keep-alive ran out); last will published to 'esp32/esp32-a1/status'");
        Assert.Equal(new ReceivedMessage("esp32/esp32-a1/status", "offline", false), await phone.WaitForMessageAsync());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Logs_a_clean_disconnect_and_an_unsubscribe(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        TestMqttClient esp32 = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1");
        await esp32.SubscribeAsync("led");

        // Act
        await esp32.Client.UnsubscribeAsync("led");
        await esp32.DisposeAsync();

        // Assert
        await broker.Logs.WaitForAsync("esp32-a1 unsubscribed from 'led'");
        await broker.Logs.WaitForAsync("esp32-a1 disconnected");
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Attaches_no_per_message_handler_when_message_logging_is_off(TransportKind transport)
    {
        // Arrange and act
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?> { [$"Logging:LogLevel:{LogCategories.Messages}"] = "None" }, transport: transport);

        // Assert
        Assert.Equal(MessageInterest.None, broker.Services.GetRequiredService<TrafficEvents>().Interest);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Reports_only_publishes_that_reach_nobody_when_message_logging_is_at_warning(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?> { [$"Logging:LogLevel:{LogCategories.Messages}"] = "Warning" }, transport: transport);
        await using TestMqttClient esp32 = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        await esp32.SubscribeAsync("led");

        // Act
        await phone.PublishAsync("led", "on");
        await esp32.WaitForMessageAsync();
        await phone.PublishAsync("Led", "on");

        // Assert
        await broker.Logs.WaitForAsync("no subscribers for 'Led' — did you mean 'led' (1 subscriber)?");
        Assert.Equal(MessageInterest.Unrouted, broker.Services.GetRequiredService<TrafficEvents>().Interest);
        Assert.DoesNotContain(broker.Logs.Lines, line => line.Message.StartsWith("'led' ←", StringComparison.Ordinal));
        Assert.DoesNotContain(broker.Logs.Lines, line => line.Message.StartsWith("no subscribers for 'led'", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Lets_an_mqtt5_client_without_a_client_id_connect_with_an_assigned_one(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);

        // Act
        (TestMqttClient client, MqttClientConnectResult result) = await TestMqttClient.TryConnectAsync(broker.Port, string.Empty, MqttProtocolVersion.V500);
        await using TestMqttClient connected = client;

        // Assert
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        Assert.StartsWith("auto-", result.AssignedClientIdentifier, StringComparison.Ordinal);
        await broker.Logs.WaitForAsync($"{result.AssignedClientIdentifier} connected from");
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Lets_an_mqtt311_client_without_a_client_id_connect_with_a_clean_session(TransportKind transport)
    {
        // Arrange: what mosquitto_pub and mosquitto_sub send by default (OASIS MQTT 3.1.1, section 3.1.3.1).
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);

        // Act
        byte returnCode = await RawMqtt.ConnectAndReadReturnCodeAsync(broker.Port, clientId: string.Empty);

        // Assert
        Assert.Equal(0, returnCode);
        await broker.Logs.WaitForAsync(message => message.StartsWith("auto-", StringComparison.Ordinal) && message.Contains(" connected from ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Says_when_a_second_device_takes_over_a_client_id(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        await using TestMqttClient first = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1");

        // Act
        await using TestMqttClient second = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1");

        // Assert
        await broker.Logs.WaitForAsync("esp32-a1 was replaced by a new connection with the same client id (two devices sharing one id push each other out)");
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Follows_a_change_of_the_message_log_level_while_running(TransportKind transport)
    {
        // Arrange
        string key = $"Logging:LogLevel:{LogCategories.Messages}";
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        TrafficEvents events = broker.Services.GetRequiredService<TrafficEvents>();
        IConfigurationRoot configuration = (IConfigurationRoot)broker.Services.GetRequiredService<IConfiguration>();
        MessageInterest before = events.Interest;

        // Act
        configuration[key] = "None";
        configuration.Reload();

        // Assert
        Assert.Equal(MessageInterest.Every, before);
        await Eventually.UntilAsync(() => events.Interest == MessageInterest.None, TestTimeouts.Short, "the per-message handler to be detached");
    }
}
