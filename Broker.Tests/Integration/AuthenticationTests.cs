using Esp32Mqtt.Broker.Security;
using Esp32Mqtt.TestSupport;
using MQTTnet;
using MQTTnet.Formatter;

namespace Esp32Mqtt.Broker.Tests.Integration;

public sealed class AuthenticationTests
{
    // OASIS MQTT 3.1.1, section 3.2.2.3: CONNACK return codes.
    private const byte Accepted = 0;
    private const byte BadUserNameOrPassword = 4;
    private const byte NotAuthorized = 5;

    private static readonly string s_hash = PasswordHasher.Hash("led-on"u8, iterations: 1_000).ToString();

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task Accepts_a_user_with_the_right_password(MqttProtocolVersion version)
    {
        // Arrange
        await using InProcessBroker broker = await StartWithUserAsync();

        // Act
        (TestMqttClient client, MqttClientConnectResult result) = await TestMqttClient.TryConnectAsync(broker.Port, "esp32-a1", version, options => options.WithCredentials("esp32", "led-on"));
        await using TestMqttClient connected = client;

        // Assert
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        await broker.Logs.WaitForAsync("esp32-a1 connected from");
    }

    [Fact]
    public async Task Refuses_a_wrong_password_with_mqtt5_reason_bad_user_name_or_password()
    {
        // Arrange
        await using InProcessBroker broker = await StartWithUserAsync();

        // Act
        (TestMqttClient client, MqttClientConnectResult result) = await TestMqttClient.TryConnectAsync(broker.Port, "esp32-a1", MqttProtocolVersion.V500, options => options.WithCredentials("esp32", "wrong"));
        await using TestMqttClient refused = client;

        // Assert
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        await broker.Logs.WaitForAsync(message => message.StartsWith("refused esp32-a1 from 127.0.0.1:", StringComparison.Ordinal)
            && message.EndsWith(": wrong user name or password (user 'esp32')", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refuses_an_anonymous_client_with_mqtt5_reason_not_authorized()
    {
        // Arrange
        await using InProcessBroker broker = await StartWithUserAsync();

        // Act
        (TestMqttClient client, MqttClientConnectResult result) = await TestMqttClient.TryConnectAsync(broker.Port, "esp32-a1", MqttProtocolVersion.V500);
        await using TestMqttClient refused = client;

        // Assert
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result.ResultCode);
        await broker.Logs.WaitForAsync("it sent no user name, and anonymous clients are not allowed (Broker:AllowAnonymous)");
    }

    [Theory]
    [InlineData("esp32", "led-on", Accepted)]
    [InlineData("esp32", "wrong", BadUserNameOrPassword)]
    [InlineData("stranger", "led-on", BadUserNameOrPassword)]
    [InlineData(null, null, NotAuthorized)]
    public async Task Answers_mqtt311_clients_with_the_matching_return_code(string? userName, string? password, byte expected)
    {
        // Arrange
        await using InProcessBroker broker = await StartWithUserAsync();

        // Act
        byte returnCode = await RawMqtt.ConnectAndReadReturnCodeAsync(broker.Port, "esp32-a1", userName, password);

        // Assert
        Assert.Equal(expected, returnCode);
    }

    [SkippableFact]
    public async Task Lets_mosquitto_pub_in_only_with_the_right_password()
    {
        // Arrange
        await using InProcessBroker broker = await StartWithUserAsync();

        // Act
        ToolResult right = await Mosquitto.PublishAsync(broker.Port, "-t", "led", "-m", "on", "-u", "esp32", "-P", "led-on");
        ToolResult wrong = await Mosquitto.PublishAsync(broker.Port, "-t", "led", "-m", "on", "-u", "esp32", "-P", "wrong");
        ToolResult anonymous = await Mosquitto.PublishAsync(broker.Port, "-t", "led", "-m", "on");

        // Assert
        Assert.True(right.ExitCode == 0, right.ToString());
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("bad user name or password", wrong.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(0, anonymous.ExitCode);
        Assert.Contains("not authori", anonymous.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    private static Task<InProcessBroker> StartWithUserAsync()
    {
        return InProcessBroker.StartAsync(new Dictionary<string, string?>
        {
            ["Broker:Users:0:UserName"] = "esp32",
            ["Broker:Users:0:PasswordHash"] = s_hash,
        });
    }
}
