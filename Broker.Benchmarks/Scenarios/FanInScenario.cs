using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Clients;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>Scenario 3: the classroom's telemetry, thirty publishers to one subscriber of <c>telemetry/+</c>, QoS 0.</summary>
internal sealed class FanInScenario : IScenario
{
    private static readonly ThroughputShape s_shape = new(
        Classroom.Boards,
        1,
        Classroom.TelemetryFilter,
        Classroom.TelemetryTopic,
        0,
        true,
        (socket, template, name, leadLimit) => new BlastPublisher(socket, template, name, leadLimit));

    /// <inheritdoc />
    public string Name => "fan-in";

    /// <inheritdoc />
    public string Title => $"fan-in {Classroom.Boards} → 1 ({Classroom.TelemetryFilter}), QoS 0";

    /// <inheritdoc />
    public Task<ScenarioOutcome> RunAsync(IBrokerUnderTest broker, TimeSpan timeToReady, ScenarioContext context)
    {
        return ThroughputRun.RunAsync(broker, s_shape, context);
    }
}
