using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Security;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.FlowControl;
using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport.Tests;

/// <summary>
/// QoS 0 messages to MQTT 3.1.1 clean-session clients are written on the publisher's thread when nothing is ahead of
/// them (the fast transport's DirectDelivery); everything else goes through MQTTnet's queue, and nothing overtakes anything.
/// </summary>
public sealed class DirectDeliveryTests
{
    private const int Pairs = 3_000;
    private const int Messages = 3_000;
    private const int RunLength = 10;
    private static readonly string[] s_roundTrips = ["on", "off", "toggle", "on", "off"];
    private const int SubAckBytes = 5;
    private const int PubAckBytes = 4;
    private const int SmallSocketBufferBytes = 1_024;
    private const int LargePayloadBytes = 8_192;

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
        foreach (string command in s_roundTrips)
        {
            await phone.PublishAsync("led", command);
            Assert.Equal(new ReceivedMessage("led", command, false), await board.WaitForMessageAsync());
        }

        // Assert: written directly only where MQTTnet's packet would be the topic and payload alone. (A write still
        // finishing when the next message comes sends that one through the queue, so "some", not "all".)
        long writtenDirectly = broker.Services.GetRequiredService<IBrokerTransport>().CountsFor("esp32-a").Delivered;
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
        using Socket publisher = await RawMqtt.ConnectAsync(broker.Port, "sequencer");

        // Act: one packet per write, so the broker often reads them one at a time.
        for (int index = 0; index < 2 * Pairs; index++)
        {
            byte[] payload = Encoding.ASCII.GetBytes(index.ToString(CultureInfo.InvariantCulture));
            await publisher.SendAsync(RawMqtt.Publish311("seq", payload, qualityOfService: index % 2 == 0 ? 1 : 0, packetId: (ushort)((index % ushort.MaxValue) + 1)));
        }

        // Assert
        List<int> received = [];
        for (int index = 0; index < 2 * Pairs; index++)
        {
            received.Add(int.Parse((await board.WaitForMessageAsync()).Payload, CultureInfo.InvariantCulture));
        }

        Assert.Equal(Enumerable.Range(0, 2 * Pairs), received);
        // Only QoS 0 messages are ever written directly.
        Assert.InRange(broker.Services.GetRequiredService<IBrokerTransport>().CountsFor("esp32-a").Delivered, 0, Pairs);
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
        Assert.True(broker.Services.GetRequiredService<IBrokerTransport>().CountsFor("esp32-a").Delivered > 0, "no message was written directly");
    }

    [Fact]
    public async Task Goes_on_writing_directly_after_a_message_mqttnet_cannot_encode()
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        await using TestMqttClient board = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a");
        await board.SubscribeAsync("seq");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        using Socket retrier = await RawMqtt.ConnectAsync(broker.Port, "retrier");

        // Act: a QoS 1 PUBLISH sent again with DUP set (section 4.4). MQTTnet copies DUP into the QoS 0 packet for the
        // board's QoS 0 subscription, and its encoder refuses that packet, so it never reaches the board.
        await retrier.SendAsync(RawMqtt.Publish311("seq", "dup"u8.ToArray(), qualityOfService: 1, duplicate: true));
        await RawMqtt.ReadExactlyAsync(retrier, PubAckBytes);

        // Assert: that packet left MQTTnet's queue all the same, so nothing is held back behind it.
        await WaitForDirectWriteAsync(broker, phone, board, "esp32-a", "seq");
    }

    [Fact]
    public async Task Goes_on_writing_directly_to_a_client_when_a_connect_with_its_id_is_refused()
    {
        // Arrange
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?>
        {
            ["Broker:Users:0:UserName"] = "esp32",
            ["Broker:Users:0:PasswordHash"] = PasswordHasher.Hash("led-on"u8, iterations: 1_000).ToString(),
        });
        await using TestMqttClient board = await TestMqttClient.ConnectAsync(broker.Port, "esp32-a", configure: options => options.WithCredentials("esp32", "led-on"));
        await board.SubscribeAsync("seq");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone", configure: options => options.WithCredentials("esp32", "led-on"));
        await PublishOneByOneAsync(phone, board, s_roundTrips);
        long before = broker.Services.GetRequiredService<IBrokerTransport>().CountsFor("esp32-a").Delivered;

        // Act
        (TestMqttClient intruder, MqttClientConnectResult result) = await TestMqttClient.TryConnectAsync(broker.Port, "esp32-a", configure: options => options.WithCredentials("esp32", "wrong"));
        await intruder.DisposeAsync();

        // Assert
        Assert.NotEqual(MqttClientConnectResultCode.Success, result.ResultCode);
        await WaitForDirectWriteAsync(broker, phone, board, "esp32-a", "seq", after: before);
    }

    [Fact]
    public async Task Does_not_write_a_message_for_a_taken_over_session_to_the_new_connection()
    {
        // Arrange: a subscriber to 't' that stopped reading, and a publisher held back by the flow control for it.
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?> { ["Broker:MaxPendingMessagesPerClient"] = "4" });
        DeliveryFlowControl flowControl = ((FastTransport)broker.Services.GetRequiredService<IBrokerTransport>()).FlowControl;
        using Socket quiet = await RawMqtt.ConnectAsync(broker.Port, "phone-a");
        quiet.ReceiveBufferSize = SmallSocketBufferBytes;
        await quiet.SendAsync(RawMqtt.Subscribe311("t"));
        await RawMqtt.ReadExactlyAsync(quiet, SubAckBytes);
        await using TestMqttClient publisher = await TestMqttClient.ConnectAsync(broker.Port, "sensor");
        using CancellationTokenSource stop = new();
        Task publishing = PublishUntilStoppedAsync(publisher, stop.Token);
        await Eventually.UntilAsync(() => flowControl.WaitingDeliveries > 0, TestTimeouts.Short, "the publisher to be held back");

        // Act: the same client id connects again, with a clean session that subscribes to 'u' only.
        await using TestMqttClient renewed = await TestMqttClient.ConnectAsync(broker.Port, "phone-a");
        await renewed.SubscribeAsync("u");
        await stop.CancelAsync();
        await publishing;
        await Eventually.UntilAsync(() => flowControl.WaitingDeliveries == 0, TestTimeouts.Short, "the held-back delivery to end");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        List<ReceivedMessage> received = [];
        foreach (string command in s_roundTrips)
        {
            await phone.PublishAsync("u", command);
            received.Add(await renewed.WaitForMessageAsync());
        }

        // Assert: the held-back message on 't' was for the old session, so the new connection gets only its own topic,
        // and messages are still written to it directly.
        Assert.Equal(s_roundTrips.Select(command => new ReceivedMessage("u", command, false)), received);
        await WaitForDirectWriteAsync(broker, phone, renewed, "phone-a", "u");
    }

    private static async Task ReceiveUpToAsync(TestMqttClient board, List<int> received, int last)
    {
        while (received.Count <= last)
        {
            received.Add(int.Parse((await board.WaitForMessageAsync()).Payload, CultureInfo.InvariantCulture));
        }
    }

    private static async Task PublishOneByOneAsync(TestMqttClient phone, TestMqttClient board, IEnumerable<string> payloads)
    {
        foreach (string payload in payloads)
        {
            await phone.PublishAsync("seq", payload);
            Assert.Equal(payload, (await board.WaitForMessageAsync()).Payload);
        }
    }

    /// <summary>Publishes on <paramref name="topic"/> one message at a time until one is written to <paramref name="clientId"/> directly.</summary>
    private static async Task WaitForDirectWriteAsync(InProcessBroker broker, TestMqttClient phone, TestMqttClient board, string clientId, string topic, long after = 0)
    {
        IBrokerTransport transport = broker.Services.GetRequiredService<IBrokerTransport>();
        int sent = 0;
        await Eventually.UntilAsync(
            async () =>
            {
                string payload = $"probe {sent++}";
                await phone.PublishAsync(topic, payload);
                Assert.Equal(payload, (await board.WaitForMessageAsync()).Payload);
                return transport.CountsFor(clientId).Delivered > after;
            },
            TestTimeouts.Short,
            $"a message written directly to {clientId}");
    }

    private static async Task PublishUntilStoppedAsync(TestMqttClient publisher, CancellationToken stop)
    {
        string payload = new('x', LargePayloadBytes);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await publisher.Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("t").WithPayload(payload).Build(), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
