using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// QoS 0 messages to MQTT 3.1.1 clean-session clients are written on the publisher's thread when nothing is ahead of
/// them (<see cref="DirectDelivery"/>); everything else goes through MQTTnet's queue, and nothing overtakes anything.
/// </summary>
public sealed class DirectDeliveryTests
{
    private const int Pairs = 3_000;
    private const int Messages = 3_000;
    private const int RunLength = 10;
    private static readonly string[] RoundTrips = ["on", "off", "toggle", "on", "off"];
    private const byte Qos0PublishHeader = 0x30;
    private const byte Qos1PublishHeader = 0x32;
    private const int ConnAckBytes = 4;

    [Theory]
    [InlineData(MqttProtocolVersion.V311, true, true)]
    [InlineData(MqttProtocolVersion.V311, false, false)]
    [InlineData(MqttProtocolVersion.V500, true, false)]
    public async Task Writes_directly_only_to_mqtt311_clean_session_clients(MqttProtocolVersion version, bool cleanSession, bool direct)
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        await using TestMqttClient board = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a", version, options => options.WithCleanSession(cleanSession));
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        await board.SubscribeAsync("led");

        // Act and assert: delivered either way, one at a time.
        foreach (string command in RoundTrips)
        {
            await phone.PublishAsync("led", command);
            Assert.Equal(new ReceivedMessage("led", command, false), await board.WaitForMessageAsync());
        }

        // Assert: written directly only where MQTTnet's packet would be the topic and payload alone. (A write still
        // finishing when the next message comes sends that one through the queue, so "some", not "all".)
        long writtenDirectly = broker.Services.GetRequiredService<DirectDelivery>().DeliveredTo("esp32-a");
        Assert.Equal(direct, writtenDirectly > 0);
    }

    [Fact]
    public async Task Keeps_a_publishers_order_when_qos_0_and_queued_qos_1_messages_alternate()
    {
        // Arrange: the QoS 1 messages always go through MQTTnet's queue (QoS 1 subscription); the QoS 0 ones between
        // them may be written directly, but only once everything queued before them is written.
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        await using TestMqttClient board = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a");
        await board.SubscribeAsync("seq", MqttQualityOfServiceLevel.AtLeastOnce);
        using Socket publisher = await RawMqtt.OpenAsync(broker.Port);
        publisher.NoDelay = true;
        await publisher.SendAsync(RawMqtt.Connect311("sequencer"));
        await RawMqtt.ReadExactlyAsync(publisher, ConnAckBytes);

        // Act: one packet per write, so the broker often reads them one at a time.
        for (int index = 0; index < 2 * Pairs; index++)
        {
            await publisher.SendAsync(Publish("seq", index, qualityOfService1: index % 2 == 0));
        }

        // Assert
        List<int> received = [];
        for (int index = 0; index < 2 * Pairs; index++)
        {
            received.Add(int.Parse((await board.WaitForMessageAsync()).Payload, CultureInfo.InvariantCulture));
        }

        Assert.Equal(Enumerable.Range(0, 2 * Pairs), received);
        // Only QoS 0 messages are ever written directly.
        Assert.InRange(broker.Services.GetRequiredService<DirectDelivery>().DeliveredTo("esp32-a"), 0, Pairs);
    }

    [Fact]
    public async Task Keeps_the_order_of_a_stream_that_is_partly_written_directly()
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        await using TestMqttClient board = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a");
        await board.SubscribeAsync("seq");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        List<int> received = [];

        // Act: runs of messages as fast as the phone sends them (the broker finds several per read, and queues them),
        // each run ended by one sent alone once everything before it has arrived (written directly).
        for (int index = 0; index < Messages; index++)
        {
            await phone.PublishAsync("seq", index.ToString(CultureInfo.InvariantCulture));
            if (index % RunLength == RunLength - 1)
            {
                await ReceiveUpToAsync(board, received, index);
            }
        }

        await ReceiveUpToAsync(board, received, Messages - 1);

        // Assert
        Assert.Equal(Enumerable.Range(0, Messages), received);
        Assert.True(broker.Services.GetRequiredService<DirectDelivery>().DeliveredTo("esp32-a") > 0, "no message was written directly");
    }

    private static async Task ReceiveUpToAsync(TestMqttClient board, List<int> received, int last)
    {
        while (received.Count <= last)
        {
            received.Add(int.Parse((await board.WaitForMessageAsync()).Payload, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>An MQTT 3.1.1 PUBLISH (section 3.3) whose payload is <paramref name="sequence"/> in decimal; packet id = sequence + 1 for QoS 1.</summary>
    private static byte[] Publish(string topic, int sequence, bool qualityOfService1)
    {
        byte[] topicBytes = Encoding.UTF8.GetBytes(topic);
        byte[] payload = Encoding.ASCII.GetBytes(sequence.ToString(CultureInfo.InvariantCulture));
        List<byte> body = [(byte)(topicBytes.Length >> 8), (byte)topicBytes.Length, .. topicBytes];
        if (qualityOfService1)
        {
            int packetId = (sequence % ushort.MaxValue) + 1;
            body.Add((byte)(packetId >> 8));
            body.Add((byte)packetId);
        }

        body.AddRange(payload);
        return [qualityOfService1 ? Qos1PublishHeader : Qos0PublishHeader, (byte)body.Count, .. body];
    }
}
