using System.Globalization;
using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Measurement;
using Esp32Mqtt.Broker.Benchmarks.Running;
using Esp32Mqtt.Broker.Benchmarks.Scenarios;

namespace Esp32Mqtt.Broker.Benchmarks.Reporting;

/// <summary>
/// The results of a <c>--dashboard</c> run as a Markdown table: our broker with its dashboard off, on with no page, and
/// on with one page open, and the two ratios to "off" the dashboard's goals are stated in (no page 1.0x, one page at most
/// 1.2x of broker CPU per message and p99 latency).
/// </summary>
internal static class DashboardCostReport
{
    /// <summary>Writes the table for <paramref name="scenarios"/> to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<IScenario> scenarios, ResultSet results, string runLine)
    {
        writer.WriteLine();
        writer.WriteLine($"{runLine}. Median (min–max); ratios of medians to the dashboard switched off.");
        writer.WriteLine();
        writer.WriteLine("| Scenario | Metric | Unit | Dashboard off | On, no page | On, one page open | No page / off | One page / off |");
        writer.WriteLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (IScenario scenario in scenarios)
        {
            string title = scenario.Title;
            foreach (Metric metric in Metrics.All)
            {
                Summary? off = Summarise(results.Values(scenario.Name, BrokerNames.OursWithoutDashboard, metric));
                Summary? noPage = Summarise(results.Values(scenario.Name, BrokerNames.Ours, metric));
                Summary? onePage = Summarise(results.Values(scenario.Name, BrokerNames.OursWithOnePage, metric));
                if (off is null && noPage is null && onePage is null)
                {
                    continue;
                }

                writer.WriteLine($"| {title} | {metric.Label} | {metric.Unit} | {Cell(metric, off)} | {Cell(metric, noPage)} | {Cell(metric, onePage)} | {Ratio(noPage, off)} | {Ratio(onePage, off)} |");
                title = string.Empty;
            }
        }

        foreach (string problem in results.Problems)
        {
            writer.WriteLine($"WARNING failed run: {problem}");
        }
    }

    private static Summary? Summarise(IReadOnlyList<double> values)
    {
        return values.Count == 0 ? null : Summary.Of(values);
    }

    private static string Cell(Metric metric, Summary? summary)
    {
        if (summary is null)
        {
            return "–";
        }

        string median = metric.Format(summary.Median);
        return summary.Values.Count == 1 ? median : $"{median} ({metric.Format(summary.Minimum)}–{metric.Format(summary.Maximum)})";
    }

    private static string Ratio(Summary? value, Summary? baseline)
    {
        return value is null || baseline is null || baseline.Median == 0
            ? "–"
            : (value.Median / baseline.Median).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
