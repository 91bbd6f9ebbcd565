using System.Net.Sockets;
using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.Logging;

namespace Esp32Mqtt.Broker.Tests.Integration;

public sealed class MemoryTrimIntegrationTests
{
    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Collects_after_a_wave_of_clients_has_come_and_gone(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?>
        {
            [$"Logging:LogLevel:{LogCategories.Memory}"] = nameof(LogLevel.Debug),
            [$"Logging:LogLevel:{LogCategories.Connections}"] = nameof(LogLevel.None),
        }, transport: transport);

        // Act: each client connects and goes away without a DISCONNECT, two changes each.
        for (int changes = 0; changes < MemoryTrim.WaveSize; changes += 2)
        {
            using Socket socket = await RawMqtt.ConnectAsync(broker.Port, $"wave-{changes:D3}");
        }

        CapturedLogLine line = await broker.Logs.WaitForAsync("connects and disconnects, then", TestTimeouts.Short + MemoryTrim.QuietPeriod);

        // Assert
        Assert.StartsWith($"{MemoryTrim.WaveSize} connects and disconnects", line.Message, StringComparison.Ordinal);
    }
}
