using System.Text.Json;
using Esp32Mqtt.Broker.Retained;
using Esp32Mqtt.TestSupport;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Terminal;

/// <summary>The broker as a process whose console goes away: SIGHUP, which .NET also raises for a closed Windows console window.</summary>
public sealed class ConsoleClosedShutdownTests : IDisposable
{
    private const string StateTopic = "esp32/esp32-a1/led/state";

    private readonly TemporaryDirectory _data = new();

    [SkippableFact]
    public async Task Stops_cleanly_and_writes_the_last_retained_message_when_its_console_closes()
    {
        // Arrange: a retained QoS 0 message is written behind, a moment after it is delivered.
        using BrokerProcess broker = await BrokerProcess.StartAsync("--port", "0", $"--Broker:DataDirectory={_data.FullPath}");
        await using (TestMqttClient esp32 = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1"))
        {
            await esp32.PublishAsync(StateTopic, "on", MqttQualityOfServiceLevel.AtMostOnce, retain: true);
        }

        await broker.Process.WaitForOutputLineAsync(line => line.Contains($"'{StateTopic}'", StringComparison.Ordinal), TestTimeouts.Short);

        // Act
        broker.Process.HangUp();
        await broker.Process.WaitForExitAsync(TestTimeouts.Process);

        // Assert
        Assert.Equal(0, broker.Process.ExitCode);
        Assert.Contains(broker.Process.OutputLines, line => line.EndsWith(" broker stopped", StringComparison.Ordinal));
        using JsonDocument stored = JsonDocument.Parse(await File.ReadAllTextAsync(_data.Combine(RetainedMessageStore.FileName)));
        Assert.Contains(StateTopic, stored.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _data.Dispose();
    }
}
