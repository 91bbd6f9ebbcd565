using System.Text.Encodings.Web;
using System.Text.Json;

namespace Esp32Mqtt.Broker.Benchmarks.Reporting;

/// <summary>The whole run as JSON: machine, settings, calibration, summarised rows with their raw values, checks and notes.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes <paramref name="report"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, RunReport report)
    {
        var document = new
        {
            report.Machine,
            MachineLine = report.Machine.Describe(),
            Run = new
            {
                report.BrokerRevision,
                report.Repetitions,
                report.Quick,
                report.Settings.QueueLimit,
                report.Settings.MosquittoInFlightWindow,
                Description = report.RunLine,
            },
            report.Calibration,
            Results = report.Rows.Select(row => new
            {
                Scenario = row.Scenario.Name,
                row.Scenario.Title,
                Metric = row.Metric.Key,
                row.Metric.Label,
                row.Metric.Unit,
                Better = row.Metric.Direction.ToString().ToLowerInvariant(),
                Ours = row.Ours,
                Mosquitto = row.Mosquitto,
                row.Ratio,
                BetterMedian = row.Better,
            }),
            Problems = report.Results.Problems,
            Checks = report.Findings,
            report.Results.Notes,
            report.Results.Details,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, s_options));
    }
}
