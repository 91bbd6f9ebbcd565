using Esp32Mqtt.Broker.Security;
using Esp32Mqtt.TestSupport;
using MQTTnet;
using MQTTnet.Formatter;

namespace Esp32Mqtt.Broker.Tests.Integration;

public sealed class HashPasswordCommandTests
{
    [Fact]
    public async Task Prints_a_hash_that_lets_the_user_log_in()
    {
        // Arrange and act
        ToolResult result = await CommandLineTool.RunAsync("dotnet", [BrokerProcess.BrokerDllPath, HashPasswordCommand.Verb], TestTimeouts.Process, standardInput: "led-on\n");

        // Assert
        Assert.True(result.ExitCode == 0, result.ToString());
        string hash = Assert.Single(result.StandardOutput.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"pbkdf2-sha256${PasswordHasher.DefaultIterations}$", hash, StringComparison.Ordinal);
        Assert.Contains("\"UserName\": \"esp32\"", result.StandardError, StringComparison.Ordinal);

        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?>
        {
            ["Broker:Users:0:UserName"] = "esp32",
            ["Broker:Users:0:PasswordHash"] = hash,
        });
        (TestMqttClient right, MqttClientConnectResult rightResult) = await TestMqttClient.TryConnectAsync(broker.Port, "esp32-a1", MqttProtocolVersion.V500, options => options.WithCredentials("esp32", "led-on"));
        (TestMqttClient wrong, MqttClientConnectResult wrongResult) = await TestMqttClient.TryConnectAsync(broker.Port, "esp32-b2", MqttProtocolVersion.V500, options => options.WithCredentials("esp32", "led-off"));
        await using TestMqttClient rightClient = right;
        await using TestMqttClient wrongClient = wrong;
        Assert.Equal(MqttClientConnectResultCode.Success, rightResult.ResultCode);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, wrongResult.ResultCode);
    }

    [Fact]
    public async Task Refuses_an_empty_password()
    {
        // Act
        ToolResult result = await CommandLineTool.RunAsync("dotnet", [BrokerProcess.BrokerDllPath, HashPasswordCommand.Verb], TestTimeouts.Process, standardInput: "\n");

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        Assert.Contains("No password given; nothing was hashed.", result.StandardError, StringComparison.Ordinal);
    }
}
