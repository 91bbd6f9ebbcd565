using Esp32Mqtt.Broker.Benchmarks.Measurement;

namespace Esp32Mqtt.Broker.Benchmarks.Running;

/// <summary>One value from one scenario run against one broker.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Broker">The broker's name.</param>
/// <param name="Repetition">1-based repetition number.</param>
/// <param name="Metric">What was measured.</param>
/// <param name="Value">The value.</param>
internal sealed record ResultEntry(string Scenario, string Broker, int Repetition, Metric Metric, double Value);
