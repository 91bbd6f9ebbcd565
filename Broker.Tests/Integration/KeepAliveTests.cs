using System.Diagnostics;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>Keep-alive still works through the broker's own channel (StreamChannelAdapter): pings are answered, silence is cut off.</summary>
public sealed class KeepAliveTests
{
    private const int KeepAliveSecondsOffset = 10;
    private const byte OneSecond = 1;
    private const byte PingRespHeader = 0xD0;
    private const byte TwoSeconds = 2;
    private const int ChatterPublishes = 40;
    private static readonly byte[] s_pingRequest = [0xC0, 0x00];

    // MQTT 3.1.1 section 3.1.2.10: the server disconnects after one and a half keep-alive periods without a packet.
    private static readonly TimeSpan s_gracePeriod = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan s_chatterInterval = TimeSpan.FromSeconds(0.1);

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Answers_a_ping_request(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        using Socket client = await ConnectAsync(broker.Port, "pinger");

        // Act
        await client.SendAsync(s_pingRequest);

        // Assert
        Assert.Equal([PingRespHeader, 0x00], await RawMqtt.ReadExactlyAsync(client, 2));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Closes_a_connection_that_stays_silent_past_its_keep_alive(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        Stopwatch silence = Stopwatch.StartNew();

        // Act
        using Socket client = await ConnectAsync(broker.Port, "sleeper");
        await RawMqtt.WaitUntilClosedAsync(client, TestTimeouts.Short);

        // Assert
        Assert.InRange(silence.Elapsed, s_gracePeriod, TestTimeouts.Short);
        await broker.Logs.WaitForAsync("sleeper lost its connection");
        if (transport == TransportKind.Fast)
        {
            // MQTTnet's own keep-alive monitor tells only MQTTnet's log (off by default), so only the fast one says why.
            await broker.Logs.WaitForAsync("sleeper sent nothing for more than one and a half times its keep-alive");
        }
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Keeps_a_client_that_only_publishes_connected_past_its_keep_alive(TransportKind transport)
    {
        // Arrange: lone QoS 0 publishes are routed without MQTTnet's receive loop (PublishInjector), whose keep-alive
        // monitor must still see the client.
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        await using TestMqttClient listener = await TestMqttClient.ConnectAsync(broker.Port, "listener");
        await listener.SubscribeAsync("chatter");
        using Socket client = await ConnectAsync(broker.Port, "chatterbox", TwoSeconds);

        // Act: one publish per tenth of a second for four seconds, past the three-second grace period, and nothing else.
        for (int index = 0; index < ChatterPublishes; index++)
        {
            await client.SendAsync(RawMqtt.Publish311("chatter", [(byte)index]));
            Assert.Equal("chatter", (await listener.WaitForMessageAsync()).Topic);
            await Task.Delay(s_chatterInterval);
        }

        // Assert: still served; on the fast transport, publishes were routed where MQTTnet's loop did not see them.
        await client.SendAsync(s_pingRequest);
        Assert.Equal([PingRespHeader, 0x00], await RawMqtt.ReadExactlyAsync(client, 2));
        long routedPastMqttnet = broker.Services.GetRequiredService<IBrokerTransport>().CountsFor("chatterbox").Published;
        Assert.InRange(routedPastMqttnet, transport == TransportKind.Fast ? 1 : 0, transport == TransportKind.Fast ? ChatterPublishes : 0);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Tells_an_mqtt_5_client_that_its_keep_alive_ran_out_before_closing(TransportKind transport)
    {
        // Arrange: an MQTT 5 CONNECT (clean start, keep-alive 1 s, no properties) from "sleeper5".
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        byte[] clientId = "sleeper5"u8.ToArray();
        byte[] connect = [0x10, (byte)(11 + 2 + clientId.Length), 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x05, 0x02, 0x00, OneSecond, 0x00, 0x00, (byte)clientId.Length, .. clientId];
        using Socket client = await RawMqtt.OpenAsync(broker.Port);
        await client.SendAsync(connect);
        byte[] connAckHeader = await RawMqtt.ReadExactlyAsync(client, 2);
        byte[] connAck = await RawMqtt.ReadExactlyAsync(client, connAckHeader[1]);
        Assert.Equal((byte)0x20, connAckHeader[0]);
        Assert.Equal(0x00, connAck[1]);

        // Act: silence.
        byte[] disconnectHeader = await RawMqtt.ReadExactlyAsync(client, 2);
        byte[] disconnect = await RawMqtt.ReadExactlyAsync(client, disconnectHeader[1]);

        // Assert: DISCONNECT with reason code 0x8D, keep-alive timeout (OASIS MQTT 5.0 section 3.14.2.1), then the close.
        Assert.Equal((byte)0xE0, disconnectHeader[0]);
        Assert.Equal(0x8D, disconnect[0]);
        await RawMqtt.WaitUntilClosedAsync(client, TestTimeouts.Short);
        await broker.Logs.WaitForAsync("sleeper5 lost its connection");
    }

    /// <summary>Connects with a keep-alive of <paramref name="keepAliveSeconds"/>.</summary>
    private static async Task<Socket> ConnectAsync(int port, string clientId, byte keepAliveSeconds = OneSecond)
    {
        byte[] connect = RawMqtt.Connect311(clientId);
        connect[KeepAliveSecondsOffset] = 0;
        connect[KeepAliveSecondsOffset + 1] = keepAliveSeconds;
        return await RawMqtt.ConnectAsync(port, connect);
    }
}
