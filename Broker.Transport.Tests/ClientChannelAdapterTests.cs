using System.Buffers;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.Broker.Transport.Ordering;
using Esp32Mqtt.TestSupport;
using MQTTnet.Exceptions;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport.Tests;

/// <summary>How a connection's packets reach MQTTnet: read, waited for while the client is silent, and ended.</summary>
public sealed class ClientChannelAdapterTests
{
    private static readonly byte[] s_connect = RawMqtt.Connect311("board-1");

    [Fact]
    public async Task Hands_mqttnet_a_packet_split_across_reads_whole()
    {
        // Arrange: a QoS 1 PUBLISH, which MQTTnet processes itself, arriving three bytes at a time.
        byte[] publish = RawMqtt.Publish311("led", "on"u8.ToArray(), qualityOfService: 1, packetId: 7);
        using ClientChannelAdapter adapter = NewAdapter(new ChunkedStream([.. s_connect, .. publish], chunkSize: 3));

        // Act
        MqttPacket connect = await adapter.ReceivePacketAsync(CancellationToken.None);
        MqttPacket packet = await adapter.ReceivePacketAsync(CancellationToken.None);

        // Assert
        Assert.Equal("board-1", Assert.IsType<MqttConnectPacket>(connect).ClientId);
        MqttPublishPacket received = Assert.IsType<MqttPublishPacket>(packet);
        Assert.Equal(("led", MqttQualityOfServiceLevel.AtLeastOnce, (ushort)7), (received.Topic, received.QualityOfServiceLevel, received.PacketIdentifier));
        Assert.Equal("on"u8.ToArray(), received.Payload.ToArray());
    }

    [Fact]
    public async Task Ends_with_no_packet_when_the_client_closes_while_silent()
    {
        // Arrange
        using ClientChannelAdapter adapter = NewAdapter(new ChunkedStream(s_connect, chunkSize: 64));
        await adapter.ReceivePacketAsync(CancellationToken.None);

        // Act
        MqttPacket next = await adapter.ReceivePacketAsync(CancellationToken.None);

        // Assert: null is how MQTTnet's receive loop learns the connection has closed.
        Assert.Null(next);
    }

    [Fact]
    public async Task Reports_a_malformed_packet_as_a_protocol_violation()
    {
        // Arrange: a PUBLISH whose topic claims 5 bytes where there are none.
        using ClientChannelAdapter adapter = NewAdapter(new ChunkedStream([.. s_connect, 0x32, 0x02, 0x00, 0x05], chunkSize: 64));
        await adapter.ReceivePacketAsync(CancellationToken.None);

        // Act and assert: MQTTnet ends the connection and logs it as a malformed packet, not as a broken connection.
        await Assert.ThrowsAsync<MqttProtocolViolationException>(() => adapter.ReceivePacketAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Waits_while_the_client_is_silent_and_ends_with_no_packet_when_cancelled()
    {
        // Arrange: a real connection whose client sends its CONNECT and then nothing.
        (Socket client, Socket server) = await LoopbackConnection.OpenAsync();
        using Socket peer = client;
        using ClientChannelAdapter adapter = NewAdapter(PacketGuardStream.OverSocket(server, 1_024));
        await peer.SendAsync(s_connect);
        await adapter.ReceivePacketAsync(CancellationToken.None);
        using CancellationTokenSource stopping = new();

        // Act
        Task<MqttPacket> next = adapter.ReceivePacketAsync(stopping.Token);
        bool endedWhileSilent = next.IsCompleted;
        await stopping.CancelAsync();

        // Assert
        Assert.False(endedWhileSilent);
        Assert.Null(await next.WaitAsync(TestTimeouts.Short));
    }

    private static ClientChannelAdapter NewAdapter(Stream stream)
    {
        QuietConnectionOwner owner = new();
        owner.Adapter = owner.Serve(stream);
        return new ClientChannelAdapter(owner.Adapter, owner, new RetainedRoutingGate(), TestSettings.Create(maxPayloadBytes: 1_024));
    }
}
