using System.Diagnostics;
using System.Globalization;
using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Clients;
using Esp32Mqtt.Broker.Benchmarks.Measurement;
using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>
/// Scenario 5: publish-to-receive latency at a fixed rate, one publisher and one subscriber on <c>led</c>, QoS 0.
/// Each message carries the Stopwatch time it was written; the subscriber takes the time as its read returns.
/// </summary>
internal sealed class LatencyScenario : IScenario
{
    /// <summary>A person clicking a button in a phone app, fast.</summary>
    public const int ClickingRate = 50;

    /// <summary>A busy classroom plus telemetry: a hundred times the clicking rate.</summary>
    public const int BusyRate = 5_000;

    /// <summary>
    /// The fewest warm-up messages, whatever the rate. At 50 msg/s our broker's message path is compiled a second time,
    /// optimized, once it has run 30 times, and recorded one by one, the slowest messages of a run fell on messages 60 to
    /// 103: one second of warm-up (50 messages) ended before that compilation did.
    /// </summary>
    private const int MinimumWarmUpMessages = 250;

    /// <summary>
    /// Messages sent after the measured ones and not measured. The publisher's thread ends after its last message, and
    /// recorded one by one, that last message was among our broker's slowest three in every run until it was no longer
    /// the last; the generator's own work, not the broker's.
    /// </summary>
    private const int CoolDownMessages = 10;

    private const double Median = 50;
    private const double NinetyNinth = 99;
    private const double NineHundredNinetyNinthPerMille = 99.9;
    private const double MicrosecondsPerSecond = 1_000_000;
    private static readonly TimeSpan s_sendingMargin = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(5);

    private readonly int _ratePerSecond;

    /// <summary>Measures latency at <paramref name="ratePerSecond"/> messages per second.</summary>
    public LatencyScenario(int ratePerSecond)
    {
        _ratePerSecond = ratePerSecond;
    }

    /// <inheritdoc />
    public string Name => string.Create(CultureInfo.InvariantCulture, $"latency-{_ratePerSecond}");

    /// <inheritdoc />
    public string Title => string.Create(CultureInfo.InvariantCulture, $"latency at {_ratePerSecond:N0} msg/s, QoS 0");

    /// <inheritdoc />
    public async Task<ScenarioOutcome> RunAsync(IBrokerUnderTest broker, TimeSpan timeToReady, ScenarioContext context)
    {
        CancellationToken cancellation = context.Cancellation;
        TimeSpan measure = _ratePerSecond <= ClickingRate ? context.Timings.SlowLatencyMeasure : context.Timings.FastLatencyMeasure;
        int warmUpMessages = Math.Max(MinimumWarmUpMessages, (int)(context.Timings.WarmUp.TotalSeconds * _ratePerSecond));
        int measuredMessages = (int)(measure.TotalSeconds * _ratePerSecond);
        uint firstMeasured = (uint)warmUpMessages + 1;
        DurationRecorder latencies = new(measuredMessages, firstMeasured);
        DurationRecorder lag = new(measuredMessages, firstMeasured);

        using ClientGroup clients = new();
        _ = clients.AddSubscriber(broker.Port, 0, Classroom.LedTopic, 0, new DeliveryCounter(1, latencies));
        PublishTemplate template = PublishTemplate.Create(Classroom.LedTopic, 0, 0);
        Publisher publisher = clients.AddPublisher(
            broker.Port,
            0,
            socket => new PacedPublisher(socket, template, _ratePerSecond, warmUpMessages + measuredMessages + CoolDownMessages, lag, ClientIds.Publisher(0)));
        clients.Start();

        TimeSpan warmUp = TimeSpan.FromSeconds((double)warmUpMessages / _ratePerSecond);
        await WaitUntilAsync(() => publisher.Sent >= warmUpMessages, warmUp + s_sendingMargin, cancellation).ConfigureAwait(false);
        MeasuredInterval interval = await MeasuredInterval.MeasureAsync(broker.ProcessId, () => clients.Received, measure, cancellation).ConfigureAwait(false);
        await WaitUntilAsync(() => publisher.Sent >= warmUpMessages + measuredMessages + CoolDownMessages, s_sendingMargin, cancellation).ConfigureAwait(false);
        clients.StopPublishers();
        await Drain.WaitAsync(() => clients.Received, clients.Sent, cancellation).ConfigureAwait(false);
        clients.StopSubscribers();

        Exception? failure = clients.FirstFailure();
        if (failure is not null)
        {
            throw new IOException($"A client failed: {failure.Message}", failure);
        }

        return Describe(latencies.ToArray(), lag.ToArray(), interval, clients);
    }

    private static ScenarioOutcome Describe(long[] latencies, long[] lag, MeasuredInterval interval, ClientGroup clients)
    {
        if (latencies.Length == 0)
        {
            throw new InvalidOperationException("No measured message arrived.");
        }

        Array.Sort(latencies);
        Array.Sort(lag);
        ScenarioOutcome outcome = new ScenarioOutcome()
            .Add(Metrics.LatencyMedian, Microseconds(Percentiles.Of(latencies, Median)))
            .Add(Metrics.Latency99, Microseconds(Percentiles.Of(latencies, NinetyNinth)))
            .Add(Metrics.Latency999, Microseconds(Percentiles.Of(latencies, NineHundredNinetyNinthPerMille)))
            .Add(Metrics.CpuPerMessage, interval.CpuMicrosecondsPerMessage)
            .Add(Metrics.BrokerCpu, interval.CpuPercent)
            .Add(Metrics.GeneratorCpu, interval.GeneratorCpuPercent)
            .Add(Metrics.Delivered, ThroughputRun.DeliveredPercent(clients.Received, clients.Sent))
            .Add(Metrics.SenderLag99, lag.Length == 0 ? 0 : Microseconds(Percentiles.Of(lag, NinetyNinth)))
            .Detail(string.Create(CultureInfo.InvariantCulture, $"{latencies.Length} latency samples"));
        if (clients.OutOfOrder > 0)
        {
            _ = outcome.Note($"{clients.OutOfOrder} messages arrived out of order or twice");
        }

        return outcome;
    }

    private static double Microseconds(long stopwatchTicks)
    {
        return stopwatchTicks * MicrosecondsPerSecond / Stopwatch.Frequency;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(start) > timeout)
            {
                throw new TimeoutException("The paced publisher fell behind its schedule by more than the margin.");
            }

            await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
