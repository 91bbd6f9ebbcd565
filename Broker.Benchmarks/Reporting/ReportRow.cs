using Esp32Mqtt.Broker.Benchmarks.Measurement;
using Esp32Mqtt.Broker.Benchmarks.Scenarios;

namespace Esp32Mqtt.Broker.Benchmarks.Reporting;

/// <summary>One line of the results table: one metric of one scenario, for both brokers.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Ours">Our broker's values, if measured.</param>
/// <param name="Mosquitto">Mosquitto's values, if measured.</param>
internal sealed record ReportRow(IScenario Scenario, Metric Metric, Summary? Ours, Summary? Mosquitto)
{
    private const double SameWithin = 0.02;

    /// <summary>Our median over Mosquitto's, when both exist.</summary>
    public double? Ratio => Ours is null || Mosquitto is null || Mosquitto.Median == 0 ? null : Ours.Median / Mosquitto.Median;

    /// <summary>Which broker's median is better: "ours", "Mosquitto", "≈" (within 2%), or empty when the metric has no better side.</summary>
    public string Better
    {
        get
        {
            if (Ratio is not double ratio || Metric.Direction == Measurement.Better.Neither)
            {
                return string.Empty;
            }

            if (Math.Abs(ratio - 1) <= SameWithin)
            {
                return "≈";
            }

            bool oursHigher = ratio > 1;
            return oursHigher == (Metric.Direction == Measurement.Better.Higher) ? "ours" : "Mosquitto";
        }
    }

    /// <summary>"median (min–max)" for a table cell, or "–".</summary>
    public string Cell(Summary? summary)
    {
        if (summary is null)
        {
            return "–";
        }

        string median = Metric.Format(summary.Median);
        return summary.Values.Count == 1 ? median : $"{median} ({Metric.Format(summary.Minimum)}–{Metric.Format(summary.Maximum)})";
    }
}
