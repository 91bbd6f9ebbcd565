using System.Globalization;
using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Clients;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>
/// Scenario 4: QoS 1 end to end, one publisher to one subscriber. The publisher keeps <see cref="InFlightWindow"/>
/// PUBLISH packets awaiting PUBACK; the subscriber acknowledges every message it receives (one send per read).
/// </summary>
internal sealed class QosOneScenario : IScenario
{
    /// <summary>
    /// The publisher's in-flight window: enough pipelining that loopback round trips do not limit the rate, and well
    /// under the brokers' queue limit of 1,000 so the window alone can never overflow a queue.
    /// </summary>
    public const int InFlightWindow = 100;

    private const int AtLeastOnce = 1;

    private static readonly ThroughputShape s_shape = new(
        1,
        1,
        Classroom.LedTopic,
        _ => Classroom.LedTopic,
        AtLeastOnce,
        false,
        (socket, template, name, _) => new WindowedPublisher(socket, template, InFlightWindow, name));

    /// <inheritdoc />
    public string Name => "qos1";

    /// <inheritdoc />
    public string Title => string.Create(CultureInfo.InvariantCulture, $"QoS 1, 1 → 1 (window {InFlightWindow})");

    /// <inheritdoc />
    public Task<ScenarioOutcome> RunAsync(IBrokerUnderTest broker, TimeSpan timeToReady, ScenarioContext context)
    {
        return ThroughputRun.RunAsync(broker, s_shape, context);
    }
}
