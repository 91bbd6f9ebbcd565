using System.Net.Sockets;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// A publisher that writes faster than a subscriber reads is slowed down instead of having messages dropped
/// (a broker that drops messages to keep up is not fast), and a subscriber that stops reading holds nobody up for long.
/// </summary>
public sealed class BurstDeliveryTests
{
    // A tiny queue: without backpressure nearly all of the burst would overflow it.
    private const int QueueLimit = 20;
    private const int BurstSize = 20_000;
    private const int AfterStallMessages = 50;

    // 20 MB: more than the kernel's socket buffers on both ends of the stalled connection hold (tcp_rmem/tcp_wmem).
    private const int StallingBurstSize = 10_000;
    private const int StallingPayloadBytes = 2_048;
    private const int SmallPayloadBytes = 2;
    private const byte PublishType = 0x30;
    private const byte PacketTypeMask = 0xF0;
    private const int ContinuationBit = 0x80;
    private const int LengthValueMask = 0x7F;
    private const int SubAckBytes = 5;
    private const int ReadBufferBytes = 64 * 1024;

    // A subscriber that keeps reading, but in small bites through a small socket buffer: slower than the publisher.
    private const int SlowReadBytes = 1_024;
    private const int SlowSocketBufferBytes = 4_096;

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Delivers_every_message_of_a_burst_to_a_subscriber_that_keeps_reading(TransportKind transport)
    {
        // Arrange
        await using InProcessBroker broker = await StartAsync(transport);
        using Socket subscriber = await SubscribeAsync(broker.Port, "burst-subscriber");
        subscriber.ReceiveBufferSize = SlowSocketBufferBytes;
        using Socket publisher = await RawMqtt.ConnectAsync(broker.Port, "burst-publisher");
        Task<int> counting = CountPublishesAsync(subscriber, BurstSize, SlowReadBytes);

        // Act: the whole burst in one go, as fast as TCP takes it.
        await publisher.SendAsync(Burst(BurstSize));

        // Assert
        Assert.Equal(BurstSize, await counting);
        Assert.DoesNotContain(broker.Logs.Lines, line => line.Message.Contains("is not keeping up", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Keeps_delivering_to_others_when_one_subscriber_stops_reading(TransportKind transport)
    {
        // Arrange: one subscriber never reads; the burst fills its socket and then its queue.
        await using InProcessBroker broker = await StartAsync(transport);
        using Socket stalled = await SubscribeAsync(broker.Port, "stalled-phone");
        using Socket reader = await SubscribeAsync(broker.Port, "esp32-a");
        using Socket publisher = await RawMqtt.ConnectAsync(broker.Port, "burst-publisher");
        Task<int> counting = CountPublishesAsync(reader, StallingBurstSize + AfterStallMessages);

        // Act
        await publisher.SendAsync(Burst(StallingBurstSize, StallingPayloadBytes));
        await publisher.SendAsync(Burst(AfterStallMessages));

        // Assert: the reader gets everything, after at most the stall limit, and the stalled one loses its oldest.
        Assert.Equal(StallingBurstSize + AfterStallMessages, await counting);
        await broker.Logs.WaitForAsync("stalled-phone is not keeping up");
    }

    private static Task<InProcessBroker> StartAsync(TransportKind transport)
    {
        return InProcessBroker.StartAsync(new Dictionary<string, string?>
        {
            ["Broker:MaxPendingMessagesPerClient"] = QueueLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Esp32Mqtt.Broker.Messages"] = "Warning",
        }, transport: transport);
    }

    private static async Task<Socket> SubscribeAsync(int port, string clientId)
    {
        Socket socket = await RawMqtt.ConnectAsync(port, clientId);

        await socket.SendAsync(RawMqtt.Subscribe311("led"));
        await RawMqtt.ReadExactlyAsync(socket, SubAckBytes);
        return socket;
    }

    /// <summary><paramref name="count"/> QoS 0 PUBLISH packets to "led", end to end.</summary>
    private static byte[] Burst(int count, int payloadBytes = SmallPayloadBytes)
    {
        byte[] publish = RawMqtt.Publish311("led", new byte[payloadBytes]);
        byte[] burst = new byte[publish.Length * count];
        for (int index = 0; index < count; index++)
        {
            publish.CopyTo(burst, index * publish.Length);
        }

        return burst;
    }

    /// <summary>Reads until <paramref name="expected"/> PUBLISH packets have arrived, or the time is up; returns how many did.</summary>
    private static async Task<int> CountPublishesAsync(Socket socket, int expected, int readBytes = ReadBufferBytes)
    {
        using CancellationTokenSource timeout = new(TestTimeouts.Short);
        byte[] buffer = new byte[readBytes];
        List<byte> pending = [];
        int publishes = 0;
        try
        {
            while (publishes < expected)
            {
                int read = await socket.ReceiveAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    break;
                }

                pending.AddRange(buffer.AsSpan(0, read));
                publishes += TakeWholePackets(pending);
            }
        }
        catch (OperationCanceledException)
        {
            // Time is up: the count so far is the answer.
        }

        return publishes;
    }

    /// <summary>Removes every complete packet from the front of <paramref name="pending"/> and counts the PUBLISH ones.</summary>
    private static int TakeWholePackets(List<byte> pending)
    {
        int publishes = 0;
        int start = 0;
        while (true)
        {
            int index = start + 1;
            int length = 0;
            int shift = 0;
            while (index < pending.Count && (pending[index] & ContinuationBit) != 0)
            {
                length |= (pending[index] & LengthValueMask) << shift;
                shift += 7;
                index++;
            }

            if (index >= pending.Count)
            {
                break;
            }

            length |= (pending[index] & LengthValueMask) << shift;
            int end = index + 1 + length;
            if (end > pending.Count)
            {
                break;
            }

            if ((pending[start] & PacketTypeMask) == PublishType)
            {
                publishes++;
            }

            start = end;
        }

        pending.RemoveRange(0, start);
        return publishes;
    }
}
