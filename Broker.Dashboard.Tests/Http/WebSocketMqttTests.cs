using System.Text;
using Esp32Mqtt.Broker.Security;
using Esp32Mqtt.TestSupport;
using MQTTnet;
using MQTTnet.Formatter;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Http;

/// <summary>MQTT over WebSockets at <c>/mqtt</c> on the dashboard's port: the same broker, users and log as TCP.</summary>
public sealed class WebSocketMqttTests
{
    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task A_websocket_client_receives_what_a_tcp_client_publishes(MqttProtocolVersion version)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        await using TestMqttClient browser = await ConnectOverWebSocketAsync(broker, "browser", version);
        await browser.SubscribeAsync("led");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");

        // Act
        await phone.PublishAsync("led", "on");

        // Assert
        Assert.Equal(new ReceivedMessage("led", "on", false), await browser.WaitForMessageAsync());
    }

    [Fact]
    public async Task A_tcp_client_receives_what_a_websocket_client_publishes()
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        await using TestMqttClient board = await TestMqttClient.ConnectAsync(broker.Port, "kitchen");
        await board.SubscribeAsync("led");
        await using TestMqttClient browser = await ConnectOverWebSocketAsync(broker, "browser");

        // Act
        await browser.PublishAsync("led", "off");

        // Assert
        Assert.Equal(new ReceivedMessage("led", "off", false), await board.WaitForMessageAsync());
        await broker.Logs.WaitForAsync("'led' ← browser: \"off\" (QoS 0) → 1 client: kitchen");
    }

    [Fact]
    public async Task A_websocket_client_shows_in_the_log_like_a_tcp_client()
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync();

        // Act
        await using (TestMqttClient browser = await ConnectOverWebSocketAsync(broker, "browser"))
        {
            await browser.SubscribeAsync("esp32/+/status");
        }

        // Assert
        await broker.Logs.WaitForAsync(line => line.StartsWith("browser connected from 127.0.0.1:", StringComparison.Ordinal));
        await broker.Logs.WaitForAsync("browser subscribed to 'esp32/+/status' (QoS 0)");
        await broker.Logs.WaitForAsync("browser disconnected");
    }

    [Fact]
    public async Task Asks_a_websocket_client_for_the_same_user_as_a_tcp_client()
    {
        // Arrange
        string hash = PasswordHasher.Hash(Encoding.UTF8.GetBytes("blink-twice"), iterations: 1_000).ToString();
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?>
        {
            ["Broker:Users:0:UserName"] = "teacher",
            ["Broker:Users:0:PasswordHash"] = hash,
        });

        // Act
        (TestMqttClient anonymous, MqttClientConnectResult refused) = await TryConnectOverWebSocketAsync(broker, "anonymous");
        await anonymous.DisposeAsync();
        (TestMqttClient teacher, MqttClientConnectResult accepted) = await TryConnectOverWebSocketAsync(broker, "teacher", options => options.WithCredentials("teacher", "blink-twice"));
        await teacher.DisposeAsync();

        // Assert
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, refused.ResultCode);
        Assert.Equal(MqttClientConnectResultCode.Success, accepted.ResultCode);
        await broker.Logs.WaitForAsync(line => line.StartsWith("refused anonymous from 127.0.0.1:", StringComparison.Ordinal));
    }

    private static Task<TestMqttClient> ConnectOverWebSocketAsync(InProcessBroker broker, string clientId, MqttProtocolVersion version = MqttProtocolVersion.V311)
    {
        return TestMqttClient.ConnectOverWebSocketAsync(broker.WebSocketAddress, clientId, version);
    }

    private static Task<(TestMqttClient Client, MqttClientConnectResult Result)> TryConnectOverWebSocketAsync(InProcessBroker broker, string clientId, Action<MqttClientOptionsBuilder>? configure = null)
    {
        return TestMqttClient.TryConnectOverWebSocketAsync(broker.WebSocketAddress, clientId, MqttProtocolVersion.V311, configure);
    }
}
