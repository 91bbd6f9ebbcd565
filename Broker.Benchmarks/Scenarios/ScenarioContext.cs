using Esp32Mqtt.Broker.Benchmarks.Brokers;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>What every scenario run is given: how long to measure, the brokers' settings, when to give up, and the TLS certificates.</summary>
/// <param name="Timings">Warm-up and measurement lengths.</param>
/// <param name="Settings">The queue limit both brokers were started with.</param>
/// <param name="Cancellation">Set by Ctrl-C or SIGTERM.</param>
/// <param name="Certificates">The TLS certificates the brokers serve, if the run made them.</param>
internal sealed record ScenarioContext(ScenarioTimings Timings, BrokerSettings Settings, CancellationToken Cancellation, BenchmarkCertificates? Certificates = null)
{
    /// <summary>Half the queue limit: how far QoS 0 publishers may run ahead of the slowest subscriber.</summary>
    public int LeadWindow => Math.Max(1, Settings.QueueLimit / 2);
}
