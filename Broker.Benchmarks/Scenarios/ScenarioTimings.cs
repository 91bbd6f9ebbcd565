namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>How long each phase lasts; every loop in a scenario is bounded by these.</summary>
/// <param name="WarmUp">Load before a throughput measurement starts (JIT tiering, TCP windows), excluded from the figures.</param>
/// <param name="Measure">The measured interval of a throughput scenario.</param>
/// <param name="SlowLatencyMeasure">The measured interval at 50 messages/s (1,000 samples at full length).</param>
/// <param name="FastLatencyMeasure">The measured interval at 5,000 messages/s.</param>
/// <param name="IdleSettle">Pause before and after connecting the idle clients, so start-up and connect work is not counted as idle.</param>
/// <param name="IdleWindow">The interval over which idle CPU is measured.</param>
/// <param name="Calibration">Each calibration measurement of the generator.</param>
internal sealed record ScenarioTimings(
    TimeSpan WarmUp,
    TimeSpan Measure,
    TimeSpan SlowLatencyMeasure,
    TimeSpan FastLatencyMeasure,
    TimeSpan IdleSettle,
    TimeSpan IdleWindow,
    TimeSpan Calibration)
{
    /// <summary>The full run.</summary>
    public static ScenarioTimings Full { get; } = new(
        WarmUp: TimeSpan.FromSeconds(1),
        Measure: TimeSpan.FromSeconds(4),
        SlowLatencyMeasure: TimeSpan.FromSeconds(20),
        FastLatencyMeasure: TimeSpan.FromSeconds(5),
        IdleSettle: TimeSpan.FromSeconds(2),
        IdleWindow: TimeSpan.FromSeconds(10),
        Calibration: TimeSpan.FromSeconds(2));

    /// <summary>
    /// A --dashboard run: ten seconds of warm-up before the measured interval, not one. A page's feed and the dashboard's
    /// start bring code the broker has not run yet, and a sampled profile of the first runs showed .NET still compiling it
    /// (libclrjit, a quarter of the broker's CPU) during a one-second warm-up's measured interval: that is start-up work, not what a
    /// page costs per message in a broker that has been running for a while.
    /// </summary>
    public static ScenarioTimings Settled { get; } = Full with { WarmUp = TimeSpan.FromSeconds(10), FastLatencyMeasure = TimeSpan.FromSeconds(10) };

    /// <summary>--quick: about a quarter of the time; good enough to see that everything works.</summary>
    public static ScenarioTimings Quick { get; } = new(
        WarmUp: TimeSpan.FromSeconds(0.5),
        Measure: TimeSpan.FromSeconds(2),
        SlowLatencyMeasure: TimeSpan.FromSeconds(5),
        FastLatencyMeasure: TimeSpan.FromSeconds(2),
        IdleSettle: TimeSpan.FromSeconds(1),
        IdleWindow: TimeSpan.FromSeconds(3),
        Calibration: TimeSpan.FromSeconds(1));
}
