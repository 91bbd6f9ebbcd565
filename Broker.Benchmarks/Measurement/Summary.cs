namespace Esp32Mqtt.Broker.Benchmarks.Measurement;

/// <summary>The median, minimum and maximum of one metric over the repetitions.</summary>
/// <param name="Median">The middle value (the mean of the two middle ones for an even count).</param>
/// <param name="Minimum">The smallest value.</param>
/// <param name="Maximum">The largest value.</param>
/// <param name="Values">Every value, in repetition order.</param>
internal sealed record Summary(double Median, double Minimum, double Maximum, IReadOnlyList<double> Values)
{
    /// <summary>Summarises <paramref name="values"/>, which must not be empty.</summary>
    public static Summary Of(IReadOnlyList<double> values)
    {
        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Summary(median, sorted[0], sorted[^1], values);
    }
}
