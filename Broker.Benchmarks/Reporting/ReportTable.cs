using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Measurement;
using Esp32Mqtt.Broker.Benchmarks.Running;
using Esp32Mqtt.Broker.Benchmarks.Scenarios;

namespace Esp32Mqtt.Broker.Benchmarks.Reporting;

/// <summary>Turns the raw results into table rows: scenarios in run order, metrics in <see cref="Metrics.All"/> order.</summary>
internal static class ReportTable
{
    /// <summary>The rows for <paramref name="scenarios"/>.</summary>
    public static IReadOnlyList<ReportRow> Build(IReadOnlyList<IScenario> scenarios, ResultSet results)
    {
        List<ReportRow> rows = [];
        foreach (IScenario scenario in scenarios)
        {
            foreach (Metric metric in Metrics.All)
            {
                Summary? ours = Summarise(results.Values(scenario.Name, BrokerNames.Ours, metric));
                Summary? mosquitto = Summarise(results.Values(scenario.Name, BrokerNames.Mosquitto, metric));
                if (ours is not null || mosquitto is not null)
                {
                    rows.Add(new ReportRow(scenario, metric, ours, mosquitto));
                }
            }
        }

        return rows;
    }

    private static Summary? Summarise(IReadOnlyList<double> values)
    {
        return values.Count == 0 ? null : Summary.Of(values);
    }
}
