using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

public sealed class ConsoleCommandTests
{
    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Publishes_a_typed_line_through_the_broker_and_logs_it(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        await using TestMqttClient esp32 = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1");
        await esp32.SubscribeAsync("led");

        // Act
        broker.Input.Type("led on");

        // Assert
        Assert.Equal(new ReceivedMessage("led", "on", false), await esp32.WaitForMessageAsync());
        await broker.Logs.WaitForAsync("'led' ← console: \"on\" (QoS 0) → 1 client: esp32-a1");
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Retains_a_console_publish_and_lists_it(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);

        // Act
        broker.Input.Type("pub esp32/esp32-a1/led on --retain --qos 1");
        broker.Input.Type("retained");

        // Assert
        await broker.Output.WaitForAsync("'esp32/esp32-a1/led' = \"on\" (QoS 1)");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        await phone.SubscribeAsync("esp32/#", MqttQualityOfServiceLevel.AtLeastOnce);
        Assert.Equal(new ReceivedMessage("esp32/esp32-a1/led", "on", true), await phone.WaitForMessageAsync());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Prints_usage_for_a_bad_line_and_changes_nothing(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        await using TestMqttClient esp32 = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1");
        await esp32.SubscribeAsync("#");

        // Act
        broker.Input.Type("led");
        broker.Input.Type("pub led on --qos 2");
        broker.Input.Type("retained");

        // Assert
        await broker.Output.WaitForAsync("Not understood: 'led' is not a command; to publish, type a topic and a payload, such as: led on.");
        await broker.Output.WaitForAsync("Not understood: --qos must be followed by 0 or 1.");
        await broker.Output.WaitForAsync("No retained messages");
        Assert.Contains("pub <topic> <payload> [--retain] [--qos 0|1]", broker.Output.Text, StringComparison.Ordinal);
        broker.Input.Type("marker now");
        Assert.Equal(new ReceivedMessage("marker", "now", false), await esp32.WaitForMessageAsync());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Lists_clients_and_subscriptions(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        await using TestMqttClient esp32 = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        await esp32.SubscribeAsync("led", MqttQualityOfServiceLevel.AtLeastOnce);
        await phone.SubscribeAsync("led");
        await phone.PublishAsync("led", "on");
        await esp32.WaitForMessageAsync();
        await phone.WaitForMessageAsync();

        // Act: MQTTnet counts a message as received once its write has completed (MqttConnectedClient.SendPacketAsync,
        // 5.2.0), which can be a moment after the phone has read it, so 'clients' is asked again until it has caught up.
        await Eventually.UntilAsync(() => ListsClientAsync(broker, "phone", "1 message sent to the broker, 1 received"), TestTimeouts.Short, "the phone's delivery counted");
        broker.Input.Type("subs");
        broker.Input.Type("help");

        // Assert: the phone's message was written to it directly (QoS 0, MQTT 3.1.1) and still counts.
        await broker.Output.WaitForAsync("2 connected:");
        await broker.Output.WaitForAsync("  esp32-a1  from 127.0.0.1:");
        await broker.Output.WaitForAsync("0 messages sent to the broker, 1 received");
        await broker.Output.WaitForAsync("'led' → esp32-a1 (QoS 1), phone (QoS 0)");
        await broker.Output.WaitForAsync("list the retained messages");
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Keeps_running_when_console_input_ends(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Esp32Mqtt.Broker"] = "Debug" }, transport: transport);

        // Act
        broker.Input.EndInput();
        await broker.Logs.WaitForAsync("console input ended; the broker keeps running");
        await using TestMqttClient esp32 = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        await esp32.SubscribeAsync("led");
        await phone.PublishAsync("led", "on");

        // Assert
        Assert.Equal("on", (await esp32.WaitForMessageAsync()).Payload);
    }

    /// <summary>Types 'clients' and reads the line it prints for <paramref name="clientId"/>: whether it ends with <paramref name="counts"/>.</summary>
    private static async Task<bool> ListsClientAsync(InProcessBroker broker, string clientId, string counts)
    {
        int before = broker.Output.Text.Length;
        broker.Input.Type("clients");
        string prefix = $"  {clientId}  from ";
        string? line = null;
        await Eventually.UntilAsync(
            () =>
            {
                line = broker.Output.Text[before..].Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.TrimEnd().EndsWith(" received", StringComparison.Ordinal));
                return line is not null;
            },
            TestTimeouts.Short,
            $"the 'clients' line of {clientId}");
        return line!.TrimEnd().EndsWith(counts, StringComparison.Ordinal);
    }
}
