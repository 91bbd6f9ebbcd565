using System.Diagnostics;
using System.Net.Sockets;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>Keep-alive still works through the broker's own channel (StreamChannelAdapter): pings are answered, silence is cut off.</summary>
public sealed class KeepAliveTests
{
    private const int KeepAliveSecondsOffset = 10;
    private const byte OneSecond = 1;
    private const byte PingRespHeader = 0xD0;
    private static readonly byte[] s_pingRequest = [0xC0, 0x00];

    // MQTT 3.1.1 section 3.1.2.10: the server disconnects after one and a half keep-alive periods without a packet.
    private static readonly TimeSpan s_gracePeriod = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task Answers_a_ping_request()
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        using Socket client = await ConnectAsync(broker.Port, "pinger");

        // Act
        await client.SendAsync(s_pingRequest);

        // Assert
        Assert.Equal([PingRespHeader, 0x00], await RawMqtt.ReadExactlyAsync(client, 2));
    }

    [Fact]
    public async Task Closes_a_connection_that_stays_silent_past_its_keep_alive()
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        Stopwatch silence = Stopwatch.StartNew();

        // Act
        using Socket client = await ConnectAsync(broker.Port, "sleeper");
        await RawMqtt.WaitUntilClosedAsync(client, TestTimeouts.Short);

        // Assert
        Assert.InRange(silence.Elapsed, s_gracePeriod, TestTimeouts.Short);
        await broker.Logs.WaitForAsync("sleeper lost its connection");
    }

    /// <summary>Connects with a keep-alive of one second.</summary>
    private static async Task<Socket> ConnectAsync(int port, string clientId)
    {
        byte[] connect = RawMqtt.Connect311(clientId);
        connect[KeepAliveSecondsOffset] = 0;
        connect[KeepAliveSecondsOffset + 1] = OneSecond;
        return await RawMqtt.ConnectAsync(port, connect);
    }
}
