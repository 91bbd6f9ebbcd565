using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Calibration;
using Esp32Mqtt.Broker.Benchmarks.Running;
using Esp32Mqtt.Broker.Benchmarks.Sampling;

namespace Esp32Mqtt.Broker.Benchmarks.Reporting;

/// <summary>Everything the report writers show.</summary>
/// <param name="Machine">Where it ran.</param>
/// <param name="BrokerRevision">Which commit of our broker was measured.</param>
/// <param name="Settings">The brokers' shared settings.</param>
/// <param name="Repetitions">Repetitions per scenario and broker.</param>
/// <param name="Quick">Whether --quick shortened the phases.</param>
/// <param name="Calibration">The generator's own rates.</param>
/// <param name="Rows">The summarised table.</param>
/// <param name="Findings">The sanity checks' verdicts.</param>
/// <param name="Results">Every raw value, problems and notes.</param>
internal sealed record RunReport(
    MachineDescription Machine,
    string BrokerRevision,
    BrokerSettings Settings,
    int Repetitions,
    bool Quick,
    CalibrationResult Calibration,
    IReadOnlyList<ReportRow> Rows,
    IReadOnlyList<string> Findings,
    ResultSet Results)
{
    /// <summary>One line on how the run was made.</summary>
    public string RunLine => $"Our broker at {BrokerRevision}; {Repetitions} repetition{(Repetitions == 1 ? string.Empty : "s")}{(Quick ? " (--quick)" : string.Empty)}, "
        + $"queue limit {Settings.QueueLimit} (ours: MaxPendingMessagesPerClient; Mosquitto: max_queued_messages, max_inflight_messages {Settings.MosquittoInFlightWindow}), "
        + "both on loopback, logging and persistence off";

    /// <summary>One line with the calibration figures.</summary>
    public string CalibrationLine => FormattableString.Invariant(
        $"Generator alone: one publisher into a discard sink {Calibration.PublisherRate:N0} msg/s; one subscriber reading a recorded stream over loopback {Calibration.SubscriberRate:N0} msg/s; frame reader alone {Calibration.ParserRate:N0} msg/s; paced sender at {Scenarios.LatencyScenario.BusyRate:N0} msg/s late by at most {Calibration.PacedLag99Microseconds:N0} µs for 99% and {Calibration.PacedLag999Microseconds:N0} µs for 99.9% of messages (the machine's own scheduling jitter).");
}
