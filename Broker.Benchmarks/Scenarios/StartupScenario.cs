using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Measurement;
using Esp32Mqtt.Broker.Benchmarks.Sampling;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>
/// Scenario 7: the time from starting the broker process to its first accepted MQTT connection (TCP connect plus
/// CONNACK, probed every millisecond), to the first page its dashboard served (where it has one), and its memory once
/// it accepted that connection.
/// </summary>
internal sealed class StartupScenario : IScenario
{
    private const double KilobytesPerMebibyte = 1024;

    /// <inheritdoc />
    public string Name => "startup";

    /// <inheritdoc />
    public string Title => "start-up";

    /// <inheritdoc />
    public Task<ScenarioOutcome> RunAsync(IBrokerUnderTest broker, TimeSpan timeToReady, ScenarioContext context)
    {
        MemorySample memory = ProcessMemoryReader.Read(broker.ProcessId);
        ScenarioOutcome outcome = new ScenarioOutcome()
            .Add(Metrics.StartupTime, timeToReady.TotalMilliseconds)
            .Add(Metrics.MemoryAtStart, memory.ProportionalKilobytes / KilobytesPerMebibyte);
        if (broker.TimeToDashboard is TimeSpan dashboard)
        {
            _ = outcome.Add(Metrics.DashboardStartupTime, dashboard.TotalMilliseconds);
        }

        return Task.FromResult(outcome);
    }
}
