namespace Esp32Mqtt.Broker.Benchmarks.Measurement;

/// <summary>Percentiles of a sample by the nearest-rank method: the smallest value at or above that share of the sample.</summary>
internal static class Percentiles
{
    private const double Whole = 100;

    /// <summary>The <paramref name="percentile"/>-th percentile of <paramref name="sorted"/> (ascending, not empty).</summary>
    public static long Of(long[] sorted, double percentile)
    {
        int rank = (int)Math.Ceiling(percentile / Whole * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
