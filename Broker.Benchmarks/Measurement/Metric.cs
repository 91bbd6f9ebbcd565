using System.Globalization;

namespace Esp32Mqtt.Broker.Benchmarks.Measurement;

/// <summary>One quantity a scenario reports: its key in the result files, its label and unit in the tables, and which way is better.</summary>
/// <param name="Key">Stable key for JSON and CSV.</param>
/// <param name="Label">What the tables call it.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Direction">Which way is better, if either.</param>
/// <param name="Decimals">Decimals shown in the tables.</param>
internal sealed record Metric(string Key, string Label, string Unit, Better Direction, int Decimals)
{
    /// <summary>Formats <paramref name="value"/> for a table.</summary>
    public string Format(double value)
    {
        if (this == Metrics.Delivered)
        {
            return FormatDelivered(value);
        }

        return value.ToString("N" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    // Rounds down, so that 99.996 % shows as 99.99 and never as 100: a single lost message must stay visible.
    private static string FormatDelivered(double percent)
    {
        const double Complete = 100;
        const double Hundredths = 100;
        if (percent >= Complete)
        {
            return "100";
        }

        return (Math.Floor(percent * Hundredths) / Hundredths).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
