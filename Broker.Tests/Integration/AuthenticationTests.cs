using Esp32Mqtt.Broker.Security;
using Esp32Mqtt.Broker.Transport;
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

    public static TheoryData<TransportKind, MqttProtocolVersion> Versions => Transports.Times(MqttProtocolVersion.V311, MqttProtocolVersion.V500);

    public static TheoryData<TransportKind, (string? UserName, string? Password, byte Expected)> Credentials => Transports.Times<(string?, string?, byte)>(
        ("esp32", "led-on", Accepted),
        ("esp32", "wrong", BadUserNameOrPassword),
        ("stranger", "led-on", BadUserNameOrPassword),
        (null, null, NotAuthorized));

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Accepts_a_user_with_the_right_password(TransportKind transport, MqttProtocolVersion version)
    {
        // Arrange
        await using InProcessBroker broker = await StartWithUserAsync(transport);

        // Act
        (TestMqttClient client, MqttClientConnectResult result) = await TestMqttClient.TryConnectAsync(broker.Port, "esp32-a1", version, options => options.WithCredentials("esp32", "led-on"));
        await using TestMqttClient connected = client;

        // Assert
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        await broker.Logs.WaitForAsync("esp32-a1 connected from");
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Refuses_a_wrong_password_with_mqtt5_reason_bad_user_name_or_password(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await StartWithUserAsync(transport);

        // Act
        (TestMqttClient client, MqttClientConnectResult result) = await TestMqttClient.TryConnectAsync(broker.Port, "esp32-a1", MqttProtocolVersion.V500, options => options.WithCredentials("esp32", "wrong"));
        await using TestMqttClient refused = client;

        // Assert
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        await broker.Logs.WaitForAsync(message => message.StartsWith("refused esp32-a1 from 127.0.0.1:", StringComparison.Ordinal)
            && message.EndsWith(": wrong user name or password (user 'esp32')", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Refuses_an_anonymous_client_with_mqtt5_reason_not_authorized(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await StartWithUserAsync(transport);

        // Act
        (TestMqttClient client, MqttClientConnectResult result) = await TestMqttClient.TryConnectAsync(broker.Port, "esp32-a1", MqttProtocolVersion.V500);
        await using TestMqttClient refused = client;

        // Assert
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result.ResultCode);
        await broker.Logs.WaitForAsync("it sent no user name, and anonymous clients are not allowed (Broker:AllowAnonymous)");
    }

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task Answers_mqtt311_clients_with_the_matching_return_code(TransportKind transport, (string? UserName, string? Password, byte Expected) credentials)
    {
        // Arrange
        await using InProcessBroker broker = await StartWithUserAsync(transport);

        // Act
        byte returnCode = await RawMqtt.ConnectAndReadReturnCodeAsync(broker.Port, "esp32-a1", credentials.UserName, credentials.Password);

        // Assert
        Assert.Equal(credentials.Expected, returnCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Lets_mosquitto_pub_in_only_with_the_right_password(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await StartWithUserAsync(transport);

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

    private static Task<InProcessBroker> StartWithUserAsync(TransportKind transport)
    {
        return InProcessBroker.StartAsync(
            new Dictionary<string, string?>
            {
                ["Broker:Users:0:UserName"] = "esp32",
                ["Broker:Users:0:PasswordHash"] = s_hash,
            },
            transport: transport);
    }
}
