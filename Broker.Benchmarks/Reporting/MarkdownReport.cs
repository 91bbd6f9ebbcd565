namespace Esp32Mqtt.Broker.Benchmarks.Reporting;

/// <summary>The results as a Markdown table ready to paste into the README, with the machine and calibration lines.</summary>
internal static class MarkdownReport
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, RunReport report)
    {
        writer.WriteLine($"Measured on {report.Machine.Describe()}.");
        writer.WriteLine($"{report.RunLine}. Median (min–max); ratio = ours / Mosquitto.");
        writer.WriteLine();
        writer.WriteLine("| Scenario | Metric | Unit | Ours | Mosquitto | Ours / Mosquitto | Better |");
        writer.WriteLine("|---|---|---|---:|---:|---:|---|");
        string? previousScenario = null;
        foreach (ReportRow row in report.Rows)
        {
            string scenario = row.Scenario.Title == previousScenario ? string.Empty : row.Scenario.Title;
            previousScenario = row.Scenario.Title;
            writer.WriteLine($"| {scenario} | {row.Metric.Label} | {row.Metric.Unit} | {row.Cell(row.Ours)} | {row.Cell(row.Mosquitto)} | {ConsoleReport.FormatRatio(row.Ratio)} | {row.Better} |");
        }

        writer.WriteLine();
        writer.WriteLine(report.CalibrationLine);
    }
}
