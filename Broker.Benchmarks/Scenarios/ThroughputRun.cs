using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Clients;
using Esp32Mqtt.Broker.Benchmarks.Measurement;
using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>
/// The common course of the throughput scenarios: connect and subscribe, publish through a warm-up, measure
/// deliveries and broker CPU over a fixed interval, stop publishing, wait for the rest to drain, and count what
/// arrived against what was sent (times the number of subscribers).
/// </summary>
internal static class ThroughputRun
{
    /// <summary>Runs <paramref name="shape"/> against <paramref name="broker"/>.</summary>
    public static async Task<ScenarioOutcome> RunAsync(IBrokerUnderTest broker, ThroughputShape shape, ScenarioContext context)
    {
        CancellationToken cancellation = context.Cancellation;
        using ClientGroup clients = new();
        LeadLimit? leadLimit = shape.LeadLimited ? new LeadLimit(context.LeadWindow) : null;
        for (int index = 0; index < shape.Subscribers; index++)
        {
            _ = clients.AddSubscriber(broker.Port, index, shape.SubscriptionFilter, shape.QualityOfService, new DeliveryCounter(shape.Publishers), leadLimit);
        }

        leadLimit?.Watch(clients.Subscribers.Select(subscriber => subscriber.Counter));
        for (int index = 0; index < shape.Publishers; index++)
        {
            PublishTemplate template = PublishTemplate.Create(shape.PublishTopic(index), shape.QualityOfService, (uint)index);
            string name = ClientIds.Publisher(index);
            _ = clients.AddPublisher(broker.Port, index, socket => shape.CreatePublisher(socket, template, name, leadLimit));
        }

        clients.Start();
        await Task.Delay(context.Timings.WarmUp, cancellation).ConfigureAwait(false);
        MeasuredInterval interval = await MeasuredInterval.MeasureAsync(broker.ProcessId, () => clients.Received, context.Timings.Measure, cancellation).ConfigureAwait(false);
        clients.StopPublishers();
        long expected = clients.Sent * shape.Subscribers;
        await Drain.WaitAsync(() => clients.Received, expected, cancellation).ConfigureAwait(false);
        clients.StopSubscribers();

        Exception? failure = clients.FirstFailure();
        if (failure is not null)
        {
            throw new IOException($"A client failed: {failure.Message}", failure);
        }

        if (interval.Delivered == 0)
        {
            throw new InvalidOperationException("Nothing was delivered in the measured interval.");
        }

        return Describe(interval, clients, expected);
    }

    /// <summary>The standard throughput figures of an interval and a run.</summary>
    public static ScenarioOutcome Describe(MeasuredInterval interval, ClientGroup clients, long expected)
    {
        ScenarioOutcome outcome = new ScenarioOutcome()
            .Add(Metrics.CpuPerMessage, interval.CpuMicrosecondsPerMessage)
            .Add(Metrics.DeliveredRate, interval.Rate)
            .Add(Metrics.BrokerCpu, interval.CpuPercent)
            .Add(Metrics.GeneratorCpu, interval.GeneratorCpuPercent)
            .Add(Metrics.Delivered, DeliveredPercent(clients.Received, expected));
        if (clients.OutOfOrder > 0)
        {
            _ = outcome.Note($"{clients.OutOfOrder} messages arrived out of order or twice");
        }

        return outcome;
    }

    /// <summary>Received as a percentage of expected.</summary>
    public static double DeliveredPercent(long received, long expected)
    {
        const double Whole = 100;
        return expected == 0 ? Whole : received * Whole / expected;
    }
}
