namespace Esp32Mqtt.Broker.Benchmarks.Measurement;

/// <summary>One measured value of one metric.</summary>
/// <param name="Metric">What was measured.</param>
/// <param name="Value">The value, in the metric's unit.</param>
internal readonly record struct MetricValue(Metric Metric, double Value);
