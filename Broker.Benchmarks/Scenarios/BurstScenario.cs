using System.Diagnostics;
using System.Globalization;
using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Clients;
using Esp32Mqtt.Broker.Benchmarks.Measurement;
using Esp32Mqtt.Broker.Benchmarks.Protocol;
using Esp32Mqtt.Broker.Benchmarks.Sampling;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>
/// A fast QoS 0 burst with no flow control at all, one publisher to one subscriber: the publisher writes
/// <see cref="Messages"/> messages as fast as TCP takes them. MQTTnet's pending-message limit, left alone,
/// silently drops part of such a burst; this scenario makes that visible. The rate is the burst's size over the time
/// from its first write to its last arrival. Before it, a flow-controlled warm-up brings the broker to steady state.
/// </summary>
internal sealed class BurstScenario : IScenario
{
    /// <summary>Messages in the burst: a hundred times the default queue limit.</summary>
    public const int Messages = 100_000;

    private const int WarmUpPublisher = 0;
    private const int BurstPublisher = 1;
    private static readonly TimeSpan s_sendTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(5);

    /// <inheritdoc />
    public string Name => "burst";

    /// <inheritdoc />
    public string Title => string.Create(CultureInfo.InvariantCulture, $"burst of {Messages:N0}, 1 → 1, QoS 0, no flow control");

    /// <inheritdoc />
    public async Task<ScenarioOutcome> RunAsync(IBrokerUnderTest broker, TimeSpan timeToReady, ScenarioContext context)
    {
        CancellationToken cancellation = context.Cancellation;
        using ClientGroup clients = new();
        LeadLimit warmUpLimit = new(context.LeadWindow);
        Subscriber subscriber = clients.AddSubscriber(broker.Port, 0, Classroom.LedTopic, 0, new DeliveryCounter(BurstPublisher + 1), warmUpLimit);
        warmUpLimit.Watch([subscriber.Counter]);
        PublishTemplate warmUpTemplate = PublishTemplate.Create(Classroom.LedTopic, 0, WarmUpPublisher);
        PublishTemplate burstTemplate = PublishTemplate.Create(Classroom.LedTopic, 0, BurstPublisher);
        Publisher warmUp = clients.AddPublisher(broker.Port, WarmUpPublisher, socket => new BlastPublisher(socket, warmUpTemplate, ClientIds.Publisher(WarmUpPublisher), warmUpLimit));
        Publisher burst = clients.AddPublisher(broker.Port, BurstPublisher, socket => new BlastPublisher(socket, burstTemplate, ClientIds.Publisher(BurstPublisher), messageLimit: Messages));

        // Warm the broker up (JIT, buffers) with flow-controlled traffic, as a broker that has been running a while is.
        subscriber.Start();
        warmUp.Start();
        await Task.Delay(context.Timings.WarmUp, cancellation).ConfigureAwait(false);
        warmUp.RequestStop();
        _ = warmUp.Join(s_sendTimeout);
        await Drain.WaitAsync(() => clients.Received, warmUp.Sent, cancellation).ConfigureAwait(false);
        long receivedBeforeBurst = clients.Received;

        CpuWindow cpu = CpuWindow.Open(broker.ProcessId);
        long start = Stopwatch.GetTimestamp();
        burst.Start();
        while (burst.Sent < Messages && burst.Failure is null && Stopwatch.GetElapsedTime(start) < s_sendTimeout)
        {
            await Task.Delay(s_pollInterval, cancellation).ConfigureAwait(false);
        }

        await Drain.WaitAsync(() => clients.Received - receivedBeforeBurst, Messages, cancellation).ConfigureAwait(false);
        (TimeSpan cpuTime, _) = cpu.Close();
        clients.StopPublishers();
        clients.StopSubscribers();
        Exception? failure = clients.FirstFailure();
        if (failure is not null)
        {
            throw new IOException($"A client failed: {failure.Message}", failure);
        }

        long received = clients.Received - receivedBeforeBurst;
        TimeSpan lastArrival = Stopwatch.GetElapsedTime(start, subscriber.Counter.ReadTimestamp);
        return new ScenarioOutcome()
            .Add(Metrics.CpuPerMessage, received == 0 ? double.NaN : cpuTime.TotalMicroseconds / received)
            .Add(Metrics.DeliveredRate, received / lastArrival.TotalSeconds)
            .Add(Metrics.Delivered, ThroughputRun.DeliveredPercent(received, burst.Sent));
    }
}
