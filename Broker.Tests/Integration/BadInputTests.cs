using System.Diagnostics;
using System.Net.Sockets;
using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>Bad input affects only its own connection: a live subscriber keeps receiving throughout.</summary>
public sealed class BadInputTests
{
    private const int ConnectTimeoutSeconds = 1;

    public static TheoryData<TransportKind, (byte[] Bytes, string ExpectedReason)> Intruders => Transports.Times<(byte[], string)>(
        ([0x00, 0xFF, 0x13, 0x37, 0x42], "its first bytes (0x00 0xFF 0x13 0x37 0x42) are not an MQTT CONNECT packet"),
        ("GET / HTTP/1.1\r\n\r\n"u8.ToArray(), "perhaps an HTTP request"),
        ([0x16, 0x03, 0x01, 0x00, 0xA5], "it started a TLS handshake"));

    [Theory]
    [MemberData(nameof(Intruders))]
    public async Task Closes_a_connection_that_does_not_start_with_connect(TransportKind transport, (byte[] Bytes, string ExpectedReason) intruder)
    {
        // Arrange
        await using InProcessBroker broker = await StartAsync(transport);
        await using TestMqttClient esp32 = await ConnectSubscriberAsync(broker);
        using Socket socket = await RawMqtt.OpenAsync(broker.Port);

        // Act
        await socket.SendAsync(intruder.Bytes);
        await RawMqtt.WaitUntilClosedAsync(socket, TestTimeouts.Short);

        // Assert
        await broker.Logs.WaitForAsync(intruder.ExpectedReason);
        await AssertStillDeliversAsync(broker, esp32);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Times_out_a_connection_that_never_sends_connect(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await StartAsync(transport);
        await using TestMqttClient esp32 = await ConnectSubscriberAsync(broker);

        // Act
        using Socket silent = await RawMqtt.OpenAsync(broker.Port);
        await RawMqtt.WaitUntilClosedAsync(silent, TestTimeouts.Short);

        // Assert
        await broker.Logs.WaitForAsync($"it sent nothing within {ConnectTimeoutSeconds} s (an MQTT client starts by sending CONNECT");
        await AssertStillDeliversAsync(broker, esp32);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Refuses_an_oversized_packet_without_reading_it_into_memory(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await StartAsync(transport);
        await using TestMqttClient esp32 = await ConnectSubscriberAsync(broker);
        using Socket greedy = await RawMqtt.ConnectAsync(broker.Port, "greedy");
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        // Act: a PUBLISH declaring the largest MQTT length, 268,435,455 bytes.
        await greedy.SendAsync(new byte[] { 0x30, 0xFF, 0xFF, 0xFF, 0x7F });
        await RawMqtt.WaitUntilClosedAsync(greedy, TestTimeouts.Short);

        // Assert
        await broker.Logs.WaitForAsync("it sent a packet of 268,435,455 bytes, more than the 1,114,112 allowed");
        await broker.Logs.WaitForAsync("greedy lost its connection");
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore < 64_000_000, "the broker allocated the declared packet size");
        await AssertStillDeliversAsync(broker, esp32);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Drops_a_payload_over_the_limit_and_closes_that_connection_only(TransportKind transport)
    {
        // Arrange: a packet of 101 payload bytes is well under the packet-size guard's limit (payload limit + 64 KiB).
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?> { ["Broker:MaxPayloadBytes"] = "100" }, transport: transport);
        await using TestMqttClient esp32 = await ConnectSubscriberAsync(broker);
        await using TestMqttClient wordy = await TestMqttClient.ConnectAsync(broker.Port, "wordy");

        // Act
        await wordy.PublishAsync("led", new string('x', 100));
        await wordy.PublishAsync("led", new string('y', 101));

        // Assert: the message at the limit arrives; the one over it does not (the next one the board gets is "still
        // here"), and only its sender is disconnected.
        Assert.Equal(new string('x', 100), (await esp32.WaitForMessageAsync()).Payload);
        await broker.Logs.WaitForAsync("it published a message of 101 bytes, more than the 100 allowed (Broker:MaxPayloadBytes); the message was dropped");
        await broker.Logs.WaitForAsync("wordy lost its connection");
        await AssertStillDeliversAsync(broker, esp32);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Survives_two_thousand_rapid_connects_and_disconnects_without_flooding_the_log(TransportKind transport)
    {
        // Arrange
        const int Connections = 2_000;
        await using InProcessBroker broker = await StartAsync(transport);
        await using TestMqttClient esp32 = await ConnectSubscriberAsync(broker);

        // Act
        Stopwatch flood = Stopwatch.StartNew();
        for (int attempt = 0; attempt < Connections; attempt++)
        {
            using Socket socket = await RawMqtt.OpenAsync(broker.Port);
            await socket.SendAsync(RawMqtt.Connect311($"flood-{attempt}"));
            await RawMqtt.ReadExactlyAsync(socket, 4);
        }

        // Assert: at most the connection lines and one summary per 5 s window (ConnectionLog), for every window the
        // flood touched, however slow the machine, and a few lines besides (start-up, the subscriber).
        await AssertStillDeliversAsync(broker, esp32);
        await broker.Logs.WaitForAsync("more connects and disconnects in the last 5 s were not shown");
        int windows = (int)(flood.Elapsed.TotalSeconds / 5) + 2;
        int allowed = ((ConnectionLog.ClientLinesPerWindow + 1) * windows) + 20;
        Assert.True(broker.Logs.Lines.Count < allowed, $"{broker.Logs.Lines.Count} log lines for {Connections} connections over {flood.Elapsed.TotalSeconds:0.0} s; at most {allowed}");
    }

    private static Task<InProcessBroker> StartAsync(TransportKind transport)
    {
        return InProcessBroker.StartAsync(new Dictionary<string, string?> { ["Broker:ConnectTimeoutSeconds"] = $"{ConnectTimeoutSeconds}" }, transport: transport);
    }

    private static async Task<TestMqttClient> ConnectSubscriberAsync(InProcessBroker broker)
    {
        TestMqttClient esp32 = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a1");
        await esp32.SubscribeAsync("led");
        return esp32;
    }

    private static async Task AssertStillDeliversAsync(InProcessBroker broker, TestMqttClient subscriber)
    {
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        await phone.PublishAsync("led", "still here");
        Assert.Equal("still here", (await subscriber.WaitForMessageAsync()).Payload);
    }
}
