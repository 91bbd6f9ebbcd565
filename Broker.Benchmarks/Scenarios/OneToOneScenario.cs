using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Clients;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>Scenario 1: one publisher, one subscriber, QoS 0, as fast as the broker forwards.</summary>
internal sealed class OneToOneScenario : IScenario
{
    private static readonly ThroughputShape s_shape = new(
        1,
        1,
        Classroom.LedTopic,
        _ => Classroom.LedTopic,
        0,
        true,
        (socket, template, name, leadLimit) => new BlastPublisher(socket, template, name, leadLimit));

    /// <inheritdoc />
    public string Name => "one-to-one";

    /// <inheritdoc />
    public string Title => "1 → 1, QoS 0";

    /// <inheritdoc />
    public Task<ScenarioOutcome> RunAsync(IBrokerUnderTest broker, TimeSpan timeToReady, ScenarioContext context)
    {
        return ThroughputRun.RunAsync(broker, s_shape, context);
    }
}
