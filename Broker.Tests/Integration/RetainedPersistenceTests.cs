using Esp32Mqtt.Broker.Retained;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using MQTTnet;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

public sealed class RetainedPersistenceTests
{
    private const string StateTopic = "esp32/esp32-a1/state";
    private const string StatusTopic = "esp32/esp32-a1/status";

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Keeps_retained_messages_across_a_graceful_restart(TransportKind transport)
    {
        // Arrange
        using TemporaryDirectory data = new();
        await using (InProcessBroker first = await InProcessBroker.StartAsync(dataDirectory: data.FullPath, transport: transport))
        {
            await using TestMqttClient esp32 = await TestMqttClient.ConnectAsync(first.Port, "esp32-a1");
            await esp32.PublishAsync(StateTopic, "ON", MqttQualityOfServiceLevel.AtLeastOnce, retain: true);
        }

        // Act
        await using InProcessBroker second = await InProcessBroker.StartAsync(dataDirectory: data.FullPath, transport: transport);
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(second.Port, "phone");
        await phone.SubscribeAsync("esp32/#");

        // Assert
        Assert.Equal(new ReceivedMessage(StateTopic, "ON", true), await phone.WaitForMessageAsync());
        await second.Output.WaitForAsync($"Retained messages are stored in {Path.Combine(data.FullPath, RetainedMessageStore.FileName)} (1 kept from the last run)");
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Publishes_the_will_of_a_client_still_connected_when_the_broker_stops_as_mosquitto_does(TransportKind transport)
    {
        // Arrange: a board online, with its retained will, when the broker is stopped (Ctrl-C).
        using TemporaryDirectory data = new();
        await using (InProcessBroker first = await InProcessBroker.StartAsync(dataDirectory: data.FullPath, transport: transport))
        {
            TestMqttClient board = await TestMqttClient.ConnectAsync(
                first.Port,
                "esp32-a1",
                configure: options => options.WithWillTopic(StatusTopic).WithWillPayload("offline").WithWillRetain().WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
            await board.PublishAsync(StatusTopic, "online", MqttQualityOfServiceLevel.AtLeastOnce, retain: true);

            // Act: the broker closes the board's connection without a DISCONNECT from the board.
            await first.StopAsync();
            board.Client.Dispose();
        }

        // Assert: after the restart the board is shown offline until it reconnects, which is true while it is away.
        await using InProcessBroker second = await InProcessBroker.StartAsync(dataDirectory: data.FullPath, transport: transport);
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(second.Port, "phone");
        await phone.SubscribeAsync(StatusTopic);
        Assert.Equal(new ReceivedMessage(StatusTopic, "offline", true), await phone.WaitForMessageAsync());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Keeps_a_qos0_retained_message_written_behind_across_a_graceful_restart(TransportKind transport)
    {
        // Arrange: a board reports its state as retained QoS 0, which the broker writes behind, not before delivery.
        using TemporaryDirectory data = new();
        await using (InProcessBroker first = await InProcessBroker.StartAsync(dataDirectory: data.FullPath, transport: transport))
        {
            await using TestMqttClient watcher = await TestMqttClient.ConnectAsync(first.Port, "watcher");
            await watcher.SubscribeAsync(StateTopic);
            await using TestMqttClient esp32 = await TestMqttClient.ConnectAsync(first.Port, "esp32-a1");
            await esp32.PublishAsync(StateTopic, "OFF", MqttQualityOfServiceLevel.AtMostOnce, retain: true);
            await watcher.WaitForMessageAsync();
        }

        // Act: stopping flushes what was written behind.
        await using InProcessBroker second = await InProcessBroker.StartAsync(dataDirectory: data.FullPath, transport: transport);
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(second.Port, "phone");
        await phone.SubscribeAsync(StateTopic);

        // Assert
        Assert.Equal(new ReceivedMessage(StateTopic, "OFF", true), await phone.WaitForMessageAsync());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Keeps_an_acknowledged_retained_message_after_kill_9(TransportKind transport)
    {
        // Arrange
        using TemporaryDirectory data = new();
        string[] arguments = ["--port", "0", $"--Broker:DataDirectory={data.FullPath}", $"--Broker:Transport={transport}"];
        using (BrokerProcess first = await BrokerProcess.StartAsync(arguments))
        {
            await using TestMqttClient esp32 = await TestMqttClient.ConnectAsync(first.Port, "esp32-a1");
            MqttClientPublishResult acknowledged = await esp32.PublishAsync(StateTopic, "ON", MqttQualityOfServiceLevel.AtLeastOnce, retain: true);
            Assert.True(acknowledged.IsSuccess);

            // Act: SIGKILL right after the PUBACK; nothing gets a chance to flush.
            await first.Process.KillAsync();
        }

        using BrokerProcess second = await BrokerProcess.StartAsync(arguments);
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(second.Port, "phone");
        await phone.SubscribeAsync(StateTopic);

        // Assert
        Assert.Equal(new ReceivedMessage(StateTopic, "ON", true), await phone.WaitForMessageAsync());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Keeps_a_cleared_retained_message_cleared_after_kill_9(TransportKind transport)
    {
        // Arrange
        using TemporaryDirectory data = new();
        string[] arguments = ["--port", "0", $"--Broker:DataDirectory={data.FullPath}", $"--Broker:Transport={transport}"];
        using (BrokerProcess first = await BrokerProcess.StartAsync(arguments))
        {
            await using TestMqttClient esp32 = await TestMqttClient.ConnectAsync(first.Port, "esp32-a1");
            await esp32.PublishAsync(StateTopic, "ON", MqttQualityOfServiceLevel.AtLeastOnce, retain: true);
            await esp32.PublishAsync(StateTopic, string.Empty, MqttQualityOfServiceLevel.AtLeastOnce, retain: true);

            // Act
            await first.Process.KillAsync();
        }

        using BrokerProcess second = await BrokerProcess.StartAsync(arguments);
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(second.Port, "phone");
        await phone.SubscribeAsync(StateTopic);
        await phone.PublishAsync(StateTopic, "marker");

        // Assert: had the retained message come back, it would have arrived before the marker.
        Assert.Equal(new ReceivedMessage(StateTopic, "marker", false), await phone.WaitForMessageAsync());
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Moves_a_corrupt_store_aside_and_starts_anyway(TransportKind transport)
    {
        // Arrange
        using TemporaryDirectory data = new();
        await File.WriteAllTextAsync(data.Combine(RetainedMessageStore.FileName), "{ half a file");

        // Act
        await using InProcessBroker broker = await InProcessBroker.StartAsync(dataDirectory: data.FullPath, transport: transport);
        await using TestMqttClient esp32 = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1");
        await esp32.PublishAsync(StateTopic, "ON", MqttQualityOfServiceLevel.AtLeastOnce, retain: true);

        // Assert
        await broker.Logs.WaitForAsync("could not be read (it is not valid JSON");
        string aside = Assert.Single(Directory.GetFiles(data.FullPath, "retained.corrupt-*.json"));
        Assert.Equal("{ half a file", await File.ReadAllTextAsync(aside));
        Assert.Contains(StateTopic, await File.ReadAllTextAsync(data.Combine(RetainedMessageStore.FileName)), StringComparison.Ordinal);
    }
}
