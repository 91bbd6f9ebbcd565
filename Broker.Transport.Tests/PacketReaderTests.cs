using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.TestSupport;
using MQTTnet.Adapter;

namespace Esp32Mqtt.Broker.Transport.Tests;

public sealed class PacketReaderTests
{
    private const int WholeStream = int.MaxValue;
    private const byte PublishHeader = 0x30;
    private const byte ConnectHeader = 0x10;
    private static readonly byte[] s_connect = RawMqtt.Connect311("esp32-a");
    private static readonly byte[] s_publish = [PublishHeader, 0x05, 0x00, 0x03, (byte)'l', (byte)'e', (byte)'d'];

    [Fact]
    public async Task Takes_every_packet_that_one_read_brought_in()
    {
        // Arrange
        ChunkedStream stream = new([.. s_connect, .. s_publish, .. s_publish, .. s_publish], WholeStream);
        using PacketReader reader = new(stream);

        // Act
        await reader.WaitForDataAsync(CancellationToken.None);
        await reader.FillAsync(CancellationToken.None);
        List<ReceivedMqttPacket> packets = TakeAll(reader);

        // Assert
        Assert.Equal([ConnectHeader, PublishHeader, PublishHeader, PublishHeader], packets.Select(p => p.FixedHeader));
        Assert.All(packets.Skip(1), p => Assert.Equal(s_publish[2..], p.Body.ToArray()));
        Assert.Equal([0, 16 * 1024], stream.ReadSizes);
    }

    [Fact]
    public async Task Joins_a_packet_that_arrives_one_byte_at_a_time()
    {
        // Arrange
        ChunkedStream stream = new(s_publish, chunkSize: 1);
        using PacketReader reader = new(stream);
        ReceivedMqttPacket packet;

        // Act
        int reads = 0;
        while (!reader.TryTake(out packet))
        {
            await reader.FillAsync(CancellationToken.None);
            reads++;
        }

        // Assert
        Assert.Equal(s_publish.Length, reads);
        Assert.Equal(s_publish.Length, packet.TotalLength);
        Assert.Equal(s_publish[2..], packet.Body.ToArray());
    }

    [Fact]
    public async Task Takes_a_packet_bigger_than_its_read_buffer()
    {
        // Arrange: a PUBLISH of 100,000 payload bytes (remaining length 100,005 = 0xA5 0x8D 0x06).
        const int PayloadBytes = 100_000;
        byte[] big = [PublishHeader, 0xA5, 0x8D, 0x06, 0x00, 0x03, (byte)'l', (byte)'e', (byte)'d', .. new byte[PayloadBytes]];
        using PacketReader reader = new(new ChunkedStream(big, chunkSize: 4096));
        ReceivedMqttPacket packet;

        // Act
        while (!reader.TryTake(out packet))
        {
            Assert.True(await reader.FillAsync(CancellationToken.None));
        }

        // Assert
        Assert.Equal(big.Length, packet.TotalLength);
        Assert.Equal(big.Length - 4, packet.Body.Count);
    }

    [Fact]
    public async Task Waits_with_a_zero_byte_read_when_it_holds_nothing_and_reports_the_close()
    {
        // Arrange
        ChunkedStream stream = new(s_publish, WholeStream);
        using PacketReader reader = new(stream);
        await reader.FillAsync(CancellationToken.None);
        TakeAll(reader);
        stream.ReadSizes.Clear();

        // Act
        await reader.WaitForDataAsync(CancellationToken.None);
        bool more = await reader.FillAsync(CancellationToken.None);

        // Assert
        Assert.False(more);
        Assert.Equal(0, stream.ReadSizes[0]);
    }

    private static List<ReceivedMqttPacket> TakeAll(PacketReader reader)
    {
        List<ReceivedMqttPacket> packets = [];
        while (reader.TryTake(out ReceivedMqttPacket packet))
        {
            packets.Add(packet);
        }

        return packets;
    }
}
