namespace Esp32Mqtt.Broker.Benchmarks.Calibration;

/// <summary>What the load generator can do on its own, in messages per second.</summary>
/// <param name="PublisherRate">One QoS 0 publisher writing into a discard sink.</param>
/// <param name="SubscriberRate">One subscriber reading and parsing a recorded stream over a loopback socket.</param>
/// <param name="ParserRate">The frame reader alone, over the recorded stream in memory, in reads that split frames.</param>
/// <param name="PacedLag99Microseconds">How late the paced sender wrote 99% of its messages at 5,000/s into a discard sink: the generator's and the machine's own timing jitter.</param>
/// <param name="PacedLag999Microseconds">The same for 99.9% of its messages.</param>
internal sealed record CalibrationResult(double PublisherRate, double SubscriberRate, double ParserRate, double PacedLag99Microseconds, double PacedLag999Microseconds)
{
    /// <summary>The lower of the two end-to-end rates: the most the generator can drive or absorb on one connection.</summary>
    public double Capacity => Math.Min(PublisherRate, SubscriberRate);
}
