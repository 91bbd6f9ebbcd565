namespace Esp32Mqtt.Broker.Benchmarks.Reporting;

/// <summary>The results as an aligned text table with the calibration, the checks and the notes.</summary>
internal static class ConsoleReport
{
    private const string ColumnGap = "  ";

    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, RunReport report)
    {
        writer.WriteLine();
        writer.WriteLine("Results: median (min–max) over the repetitions; ratio = ours / Mosquitto (medians)");
        writer.WriteLine($"Machine: {report.Machine.Describe()}");
        writer.WriteLine($"Run: {report.RunLine}");
        writer.WriteLine();
        List<string[]> lines = [["scenario", "metric", "unit", "ours", "Mosquitto", "ratio", "better"]];
        string? previousScenario = null;
        foreach (ReportRow row in report.Rows)
        {
            string scenario = row.Scenario.Title == previousScenario ? string.Empty : row.Scenario.Title;
            previousScenario = row.Scenario.Title;
            lines.Add([scenario, row.Metric.Label, row.Metric.Unit, row.Cell(row.Ours), row.Cell(row.Mosquitto), FormatRatio(row.Ratio), row.Better]);
        }

        WriteAligned(writer, lines);
        writer.WriteLine();
        writer.WriteLine(report.CalibrationLine);
        writer.WriteLine();
        writer.WriteLine("Checks:");
        foreach (string finding in report.Findings)
        {
            writer.WriteLine("  " + finding);
        }

        if (report.Results.Notes.Count > 0)
        {
            writer.WriteLine("Notes:");
            foreach (string note in report.Results.Notes)
            {
                writer.WriteLine("  " + note);
            }
        }
    }

    /// <summary>A ratio with two decimals, or "–".</summary>
    public static string FormatRatio(double? ratio)
    {
        return ratio is double value ? value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "–";
    }

    private static void WriteAligned(TextWriter writer, List<string[]> lines)
    {
        int columns = lines[0].Length;
        int[] widths = new int[columns];
        foreach (string[] line in lines)
        {
            for (int column = 0; column < columns; column++)
            {
                widths[column] = Math.Max(widths[column], line[column].Length);
            }
        }

        foreach (string[] line in lines)
        {
            writer.WriteLine(string.Join(ColumnGap, line.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
    }
}
