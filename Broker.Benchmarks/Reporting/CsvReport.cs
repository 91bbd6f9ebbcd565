using System.Globalization;
using System.Text;
using Esp32Mqtt.Broker.Benchmarks.Running;

namespace Esp32Mqtt.Broker.Benchmarks.Reporting;

/// <summary>Every raw value, one per line, for a spreadsheet or a script: scenario, broker, repetition, metric, unit, value.</summary>
internal static class CsvReport
{
    /// <summary>Writes the raw values of <paramref name="report"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, RunReport report)
    {
        StringBuilder text = new();
        _ = text.AppendLine("scenario,broker,repetition,metric,unit,value");
        foreach (ResultEntry entry in report.Results.Entries)
        {
            _ = text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{entry.Scenario},{entry.Broker},{entry.Repetition},{entry.Metric.Key},{entry.Metric.Unit},{entry.Value:R}"));
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
