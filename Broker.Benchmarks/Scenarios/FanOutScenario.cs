using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Clients;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>Scenario 2: the classroom's commands, one publisher to thirty subscribers of <c>led</c>, QoS 0.</summary>
internal sealed class FanOutScenario : IScenario
{
    private static readonly ThroughputShape s_shape = new(
        1,
        Classroom.Boards,
        Classroom.LedTopic,
        _ => Classroom.LedTopic,
        0,
        true,
        (socket, template, name, leadLimit) => new BlastPublisher(socket, template, name, leadLimit));

    /// <inheritdoc />
    public string Name => "fan-out";

    /// <inheritdoc />
    public string Title => $"fan-out 1 → {Classroom.Boards} ({Classroom.LedTopic}), QoS 0";

    /// <inheritdoc />
    public Task<ScenarioOutcome> RunAsync(IBrokerUnderTest broker, TimeSpan timeToReady, ScenarioContext context)
    {
        return ThroughputRun.RunAsync(broker, s_shape, context);
    }
}
