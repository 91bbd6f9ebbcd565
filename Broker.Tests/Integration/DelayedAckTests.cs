using System.Diagnostics;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Tests.Integration;

/// <summary>
/// A client that leaves Nagle's algorithm on (libmosquitto's default, lwIP's on the ESP32) is not paced by the kernel's
/// delayed acknowledgements: the broker acknowledges at once what it will not answer.
/// </summary>
public sealed class DelayedAckTests
{
    private const int Exchanges = 200;
    private const string Topic = "lockstep";

    // A stall costs a delayed acknowledgement (40 ms on Linux) per exchange, 8 s in all; without one the exchanges
    // take well under a second on loopback, so this only a stall breaks.
    private static readonly TimeSpan s_stallBound = TimeSpan.FromSeconds(4);

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Keeps_pace_with_a_client_that_publishes_qos1_to_itself_in_lock_step_with_nagle_on(TransportKind transport)
    {
        // Arrange: subscribed at QoS 1 to the topic it publishes to, as mosquitto_sub/pub scripts and boards do.
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" }, transport: transport);
        using Socket client = await RawMqtt.OpenAsync(broker.Port);
        client.NoDelay = false;
        await client.SendAsync(RawMqtt.Connect311("nagle-client"));
        await RawMqtt.ReadPacketAsync(client);
        await client.SendAsync(RawMqtt.Subscribe311(Topic, qualityOfService: 1));
        await RawMqtt.ReadPacketAsync(client);
        Stopwatch elapsed = Stopwatch.StartNew();

        // Act: publish, take the delivery and the PUBACK, acknowledge the delivery, and publish the next.
        for (ushort exchange = 1; exchange <= Exchanges; exchange++)
        {
            await client.SendAsync(RawMqtt.Publish311(Topic, [(byte)exchange], qualityOfService: 1, packetId: exchange));
            ushort? deliveryId = null;
            bool acknowledged = false;
            while (deliveryId is null || !acknowledged)
            {
                (byte header, byte[] body) = await RawMqtt.ReadPacketAsync(client);
                if (RawMqtt.IsPublish(header))
                {
                    deliveryId = RawMqtt.PublishPacketId(body, Topic);
                }
                else
                {
                    acknowledged |= RawMqtt.IsPubAck(header);
                }
            }

            await client.SendAsync(RawMqtt.PubAck(deliveryId.Value));
        }

        // Assert
        Assert.True(elapsed.Elapsed < s_stallBound, $"{Exchanges} lock-step QoS 1 exchanges took {elapsed.Elapsed.TotalSeconds:0.0} s");
    }
}
