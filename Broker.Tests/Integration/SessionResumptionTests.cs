using System.Net.Sockets;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// A client with a kept session that comes back finds its QoS 1 and 2 exchanges where they stopped (OASIS MQTT 3.1.1
/// section 4.4): unacknowledged messages again with their packet identifier and DUP, a QoS 2 delivery continued with
/// PUBREL, and a QoS 2 publish sent again not delivered twice. Raw sockets, because client libraries hide all of it.
/// </summary>
public sealed class SessionResumptionTests
{
    private const string Topic = "x/y";
    private const byte DuplicateFlag = 0x08;
    private const byte PubRelHeader = 0x62;
    private const byte PubRecHeader = 0x50;
    private const byte PubCompHeader = 0x70;

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Sends_an_unacknowledged_qos1_message_again_with_its_packet_id_and_dup_when_the_client_comes_back(TransportKind transport)
    {
        // Arrange: the subscriber reads the message and vanishes before its PUBACK.
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        ushort firstId;
        using (Socket subscriber = await ConnectKeptAsync(broker.Port))
        {
            await SubscribeAsync(subscriber, qualityOfService: 1);
            await PublishAsync(broker.Port, "m1", MqttQualityOfServiceLevel.AtLeastOnce);
            (byte header, byte[] body) = await RawMqtt.ReadPacketAsync(subscriber);
            Assert.Equal(0, header & DuplicateFlag);
            firstId = RawMqtt.PublishPacketId(body, Topic);
        }

        // Act
        using Socket back = await ConnectKeptAsync(broker.Port, expectSessionPresent: true);
        (byte againHeader, byte[] againBody) = await RawMqtt.ReadPacketAsync(back);

        // Assert
        Assert.True(RawMqtt.IsPublish(againHeader));
        Assert.Equal(DuplicateFlag, againHeader & DuplicateFlag);
        Assert.Equal(firstId, RawMqtt.PublishPacketId(againBody, Topic));
        Assert.EndsWith("m1", System.Text.Encoding.UTF8.GetString(againBody), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Continues_a_qos2_delivery_with_pubrel_when_the_client_had_received_it(TransportKind transport)
    {
        // Arrange: the subscriber received the message (PUBREC) and vanished before PUBCOMP.
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        ushort id;
        using (Socket subscriber = await ConnectKeptAsync(broker.Port))
        {
            await SubscribeAsync(subscriber, qualityOfService: 2);
            await PublishAsync(broker.Port, "once", MqttQualityOfServiceLevel.ExactlyOnce);
            (_, byte[] body) = await RawMqtt.ReadPacketAsync(subscriber);
            id = RawMqtt.PublishPacketId(body, Topic);
            await subscriber.SendAsync(RawMqtt.PubRec(id));
            (byte pubRel, _) = await RawMqtt.ReadPacketAsync(subscriber);
            Assert.Equal(PubRelHeader, pubRel);
        }

        // Act
        using Socket back = await ConnectKeptAsync(broker.Port, expectSessionPresent: true);
        (byte header, byte[] again) = await RawMqtt.ReadPacketAsync(back);
        await back.SendAsync(RawMqtt.PubComp(id));
        await back.SendAsync(RawMqtt.Publish311("probe/after", [1], qualityOfService: 1, packetId: 99));
        (byte next, byte[] nextBody) = await RawMqtt.ReadPacketAsync(back);

        // Assert: PUBREL with the same id, not the message again; after PUBCOMP nothing more comes but our PUBACK.
        Assert.Equal(PubRelHeader, header);
        Assert.Equal(id, RawMqtt.AcknowledgedPacketId(again));
        Assert.True(RawMqtt.IsPubAck(next));
        Assert.Equal(99, RawMqtt.AcknowledgedPacketId(nextBody));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Delivers_a_qos2_publish_once_when_the_client_sends_it_again_after_coming_back(TransportKind transport)
    {
        // Arrange: a watcher, and a publisher that vanishes after the PUBREC, before its PUBREL.
        await using InProcessBroker broker = await InProcessBroker.StartAsync(transport: transport);
        await using TestMqttClient watcher = await TestMqttClient.ConnectAsync(broker.Port, "watcher");
        await watcher.SubscribeAsync(Topic, MqttQualityOfServiceLevel.ExactlyOnce);
        byte[] publish = RawMqtt.Publish311(Topic, "once"u8.ToArray(), qualityOfService: 2, packetId: 7);
        using (Socket publisher = await ConnectKeptAsync(broker.Port, "p1"))
        {
            await publisher.SendAsync(publish);
            (byte pubRec, _) = await RawMqtt.ReadPacketAsync(publisher);
            Assert.Equal(PubRecHeader, pubRec);
        }

        // Act: it comes back and does what MQTT asks of it: the PUBLISH again with DUP, then the PUBREL.
        using Socket back = await ConnectKeptAsync(broker.Port, "p1", expectSessionPresent: true);
        await back.SendAsync(RawMqtt.Publish311(Topic, "once"u8.ToArray(), qualityOfService: 2, packetId: 7, duplicate: true));
        (byte again, byte[] againBody) = await RawMqtt.ReadPacketAsync(back);
        await back.SendAsync(RawMqtt.PubRel(7));
        (byte complete, _) = await RawMqtt.ReadPacketAsync(back);
        await back.SendAsync(RawMqtt.Publish311(Topic, "next"u8.ToArray(), qualityOfService: 1, packetId: 8));
        await RawMqtt.ReadPacketAsync(back);

        // Assert
        Assert.Equal(PubRecHeader, again);
        Assert.Equal(7, RawMqtt.AcknowledgedPacketId(againBody));
        Assert.Equal(PubCompHeader, complete);
        Assert.Equal("once", (await watcher.WaitForMessageAsync()).Payload);
        Assert.Equal("next", (await watcher.WaitForMessageAsync()).Payload);
    }

    private static async Task<Socket> ConnectKeptAsync(int port, string clientId = "s1", bool expectSessionPresent = false)
    {
        Socket socket = await RawMqtt.OpenAsync(port);
        await socket.SendAsync(RawMqtt.Connect311(clientId, cleanSession: false));
        (_, byte[] connAck) = await RawMqtt.ReadPacketAsync(socket);
        Assert.Equal(expectSessionPresent ? 1 : 0, connAck[0]);
        Assert.Equal(0, connAck[1]);
        return socket;
    }

    private static async Task SubscribeAsync(Socket socket, int qualityOfService)
    {
        await socket.SendAsync(RawMqtt.Subscribe311(Topic, qualityOfService));
        await RawMqtt.ReadPacketAsync(socket);
    }

    private static async Task PublishAsync(int port, string payload, MqttQualityOfServiceLevel qualityOfService)
    {
        await using TestMqttClient publisher = await TestMqttClient.ConnectAsync(port, "publisher");
        await publisher.PublishAsync(Topic, payload, qualityOfService);
    }
}
