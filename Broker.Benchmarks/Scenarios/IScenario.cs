using Esp32Mqtt.Broker.Benchmarks.Brokers;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>One measurement against one freshly started broker.</summary>
internal interface IScenario
{
    /// <summary>The name used with --scenario and in the result files.</summary>
    string Name { get; }

    /// <summary>What the tables call it.</summary>
    string Title { get; }

    /// <summary>Measures <paramref name="broker"/>, which has just started and took <paramref name="timeToReady"/> to accept a connection.</summary>
    Task<ScenarioOutcome> RunAsync(IBrokerUnderTest broker, TimeSpan timeToReady, ScenarioContext context);
}
