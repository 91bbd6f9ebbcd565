using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>Debian's mosquitto_pub and mosquitto_sub, with their default options, against our broker: real peers nobody here wrote.</summary>
public sealed class MosquittoInteropTests
{
    [SkippableTheory]
    [InlineData(null)]
    [InlineData("mqttv311")]
    [InlineData("mqttv5")]
    public async Task Delivers_from_mosquitto_pub_to_mosquitto_sub(string? protocol)
    {
        // Arrange
        string[] version = protocol is null ? [] : ["-V", protocol];
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        using ChildProcess subscriber = Mosquitto.StartSubscriber(broker.Port, ["-t", "led", "-C", "1", "-W", "20", .. version]);
        await broker.Logs.WaitForAsync("subscribed to 'led' (QoS 0)");

        // Act
        ToolResult published = await Mosquitto.PublishAsync(broker.Port, ["-t", "led", "-m", "on", .. version]);

        // Assert
        Assert.Equal(0, published.ExitCode);
        await subscriber.WaitForExitAsync(TestTimeouts.Process);
        Assert.Equal(0, subscriber.ExitCode);
        Assert.Equal(["on"], subscriber.OutputLines);
        await broker.Logs.WaitForAsync(message => message.StartsWith("'led' ← auto-", StringComparison.Ordinal) && message.Contains("\"on\" (QoS 0) → 1 client: auto-", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("mqttv311")]
    [InlineData("mqttv5")]
    public async Task Delivers_between_mosquitto_clients_and_mqttnet_clients(string protocol)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        await using TestMqttClient esp32 = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1");
        await esp32.SubscribeAsync("led", MqttQualityOfServiceLevel.AtLeastOnce);
        using ChildProcess subscriber = Mosquitto.StartSubscriber(broker.Port, ["-t", "esp32/esp32-a1/state", "-C", "1", "-W", "20", "-V", protocol, "-i", "phone"]);
        await broker.Logs.WaitForAsync("phone subscribed to 'esp32/esp32-a1/state'");

        // Act
        ToolResult published = await Mosquitto.PublishAsync(broker.Port, ["-t", "led", "-m", "on", "-q", "1", "-V", protocol]);
        ReceivedMessage command = await esp32.WaitForMessageAsync();
        await esp32.PublishAsync("esp32/esp32-a1/state", "ON");

        // Assert
        Assert.Equal(0, published.ExitCode);
        Assert.Equal("on", command.Payload);
        await subscriber.WaitForExitAsync(TestTimeouts.Process);
        Assert.Equal(["ON"], subscriber.OutputLines);
    }

    [SkippableTheory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Gives_a_retained_message_to_a_later_mosquitto_sub(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        ToolResult published = await Mosquitto.PublishAsync(broker.Port, ["-t", "esp32/esp32-a1/status", "-m", "online", "-r", "-q", "1"]);

        // Act
        using ChildProcess subscriber = Mosquitto.StartSubscriber(broker.Port, ["-t", "esp32/+/status", "-C", "1", "-W", "20", "-v"]);
        await subscriber.WaitForExitAsync(TestTimeouts.Process);

        // Assert
        Assert.Equal(0, published.ExitCode);
        Assert.Equal(["esp32/esp32-a1/status online"], subscriber.OutputLines);
    }

    [SkippableTheory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Serves_default_mosquitto_clients_as_mosquitto_itself_does(TransportKind transport)
    {
        // Arrange: the same exchange against Mosquitto (the reference) and against our broker.
        using MosquittoBroker mosquitto = await Mosquitto.StartBrokerAsync();
        await using InProcessBroker ours = await InProcessBroker.StartAsync(transport: transport);

        // Act
        string[] fromMosquitto = await ExchangeAsync(mosquitto.Port);
        string[] fromOurs = await ExchangeAsync(ours.Port);

        // Assert
        Assert.Equal(["led on", "led off"], fromMosquitto);
        Assert.Equal(fromMosquitto, fromOurs);
    }

    private static async Task<string[]> ExchangeAsync(int port)
    {
        // The retained "on" reaches the subscriber as soon as its subscription is in place, which mosquitto_sub
        // does not announce; the live "off" follows once that first message has arrived.
        await Mosquitto.PublishAsync(port, ["-t", "led", "-m", "on", "-q", "1", "-r"]);
        using ChildProcess subscriber = Mosquitto.StartSubscriber(port, ["-t", "led", "-C", "2", "-W", "20", "-v", "-q", "1"]);
        await subscriber.WaitForOutputLineAsync(line => line == "led on", TestTimeouts.Process);
        await Mosquitto.PublishAsync(port, ["-t", "led", "-m", "off", "-q", "1"]);
        await subscriber.WaitForExitAsync(TestTimeouts.Process);
        return [.. subscriber.OutputLines];
    }
}
