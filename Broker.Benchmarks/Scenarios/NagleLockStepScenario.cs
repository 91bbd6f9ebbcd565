using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Clients;
using Esp32Mqtt.Broker.Benchmarks.Measurement;
using Esp32Mqtt.Broker.Benchmarks.Protocol;
using Esp32Mqtt.Broker.Benchmarks.Sampling;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>
/// QoS 1 in lock step from a client that leaves Nagle's algorithm on, as libmosquitto's clients and lwIP on the ESP32
/// do: the client publishes to a topic it subscribes to, takes the delivery and the PUBACK, acknowledges the delivery,
/// and publishes the next. A broker that leaves what it will not answer to the kernel's delayed acknowledgement (about
/// 40 ms on Linux) paces such a client to about 25 round trips a second.
/// </summary>
internal sealed class NagleLockStepScenario : IScenario
{
    private const string Topic = "lockstep";
    private const string ClientId = "nagle-client";
    private const int AtLeastOnce = 1;
    private const int PacketIdBytes = 2;

    /// <inheritdoc />
    public string Name => "qos1-lockstep-nagle";

    /// <inheritdoc />
    public string Title => "QoS 1 lock-step, client with Nagle";

    /// <inheritdoc />
    public Task<ScenarioOutcome> RunAsync(IBrokerUnderTest broker, TimeSpan timeToReady, ScenarioContext context)
    {
        // Blocking sockets: run it off the caller's thread, as the other scenarios' clients are.
        return Task.Run(() => Measure(broker, context), context.Cancellation);
    }

    private static ScenarioOutcome Measure(IBrokerUnderTest broker, ScenarioContext context)
    {
        using Socket client = MqttConnection.Connect(broker.Port, ClientId);
        client.NoDelay = false;
        MqttConnection.Subscribe(client, Topic, AtLeastOnce);
        byte[] payload = "x"u8.ToArray();
        ushort packetId = 0;
        long roundTrips = 0;
        long warmUpEnd = Stopwatch.GetTimestamp() + (long)(context.Timings.WarmUp.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < warmUpEnd)
        {
            RoundTrip(client, payload, ref packetId, context.Cancellation);
        }

        CpuWindow cpu = CpuWindow.Open(broker.ProcessId);
        long measureEnd = Stopwatch.GetTimestamp() + (long)(context.Timings.Measure.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < measureEnd)
        {
            RoundTrip(client, payload, ref packetId, context.Cancellation);
            roundTrips++;
        }

        (TimeSpan brokerCpu, TimeSpan wall) = cpu.Close();
        MqttConnection.Close(client);
        return new ScenarioOutcome()
            .Add(Metrics.RoundTripRate, roundTrips / wall.TotalSeconds)
            .Add(Metrics.CpuPerMessage, roundTrips == 0 ? 0 : brokerCpu.TotalMicroseconds / roundTrips)
            .Detail(string.Create(CultureInfo.InvariantCulture, $"{roundTrips} round trips in {wall.TotalSeconds:0.00} s"));
    }

    /// <summary>One publish, its delivery back to the same client, and both acknowledgements.</summary>
    private static void RoundTrip(Socket client, byte[] payload, ref ushort packetId, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        packetId = (ushort)((packetId % ushort.MaxValue) + 1);
        SocketSending.SendAll(client, PacketEncoder.Publish(Topic, payload, AtLeastOnce, packetId));
        bool delivered = false;
        bool acknowledged = false;
        while (!delivered || !acknowledged)
        {
            (byte type, byte[] body) = HandshakeReader.ReadPacket(client);
            if (type == PacketType.Publish)
            {
                ushort deliveryId = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(PacketIdBytes + Topic.Length));
                SocketSending.SendAll(client, PacketEncoder.PublishAcknowledgement(deliveryId));
                delivered = true;
            }
            else
            {
                acknowledged |= type == PacketType.PublishAcknowledgement;
            }
        }
    }
}
