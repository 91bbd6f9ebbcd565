using System.Globalization;
using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Calibration;
using Esp32Mqtt.Broker.Benchmarks.Measurement;

namespace Esp32Mqtt.Broker.Benchmarks.Running;

/// <summary>
/// Cross-checks the figures against each other and against the generator's calibration, and says in words what a
/// reader must not miss: too little generator headroom, a broker using more CPU than it has threads for, drops, a
/// paced sender that could not keep its schedule, failed runs.
/// </summary>
internal static class SanityChecks
{
    private const double RequiredHeadroom = 2;
    private const double WholeCore = 100;

    // Per-interval CPU is read in 10 ms ticks at both ends of a few-second interval: allow that much over a whole core.
    private const double TickTolerancePercent = 3;
    private const double LatestOnTimeMicroseconds = 1_000;
    private const double Complete = 100;

    /// <summary>The findings, each one line starting with "ok" or "WARNING".</summary>
    public static IReadOnlyList<string> Check(ResultSet results, CalibrationResult calibration)
    {
        List<string> findings = [];
        CheckHeadroom(results, calibration, findings);
        CheckCpuCeiling(results, findings);
        CheckDeliveries(results, findings);
        CheckSenderLag(results, calibration, findings);
        findings.AddRange(results.Problems.Select(problem => $"WARNING failed run: {problem}"));
        return findings;
    }

    private static void CheckHeadroom(ResultSet results, CalibrationResult calibration, List<string> findings)
    {
        ResultEntry? fastest = results.All(Metrics.DeliveredRate).MaxBy(entry => entry.Value);
        if (fastest is null)
        {
            return;
        }

        double headroom = calibration.Capacity / fastest.Value;
        string verdict = headroom >= RequiredHeadroom ? "ok" : "WARNING";
        findings.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"{verdict} generator headroom: it publishes {calibration.PublisherRate:N0} and absorbs {calibration.SubscriberRate:N0} msg/s on one connection, "
            + $"{headroom:0.0}x the highest delivered rate measured ({fastest.Value:N0} msg/s, {fastest.Scenario}, {fastest.Broker}); at least {RequiredHeadroom}x is required"));
    }

    private static void CheckCpuCeiling(ResultSet results, List<string> findings)
    {
        double mosquittoPeak = results.All(Metrics.BrokerCpu).Where(entry => entry.Broker == BrokerNames.Mosquitto).Select(entry => entry.Value).DefaultIfEmpty(0).Max();
        if (mosquittoPeak > 0)
        {
            string verdict = mosquittoPeak <= WholeCore + TickTolerancePercent ? "ok" : "WARNING";
            findings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{verdict} Mosquitto is single-threaded: its highest CPU in a measured interval was {mosquittoPeak:0}% of one core (must be <= 100%)"));
        }

        double machine = Environment.ProcessorCount * WholeCore;
        double oursPeak = results.All(Metrics.BrokerCpu).Where(entry => entry.Broker == BrokerNames.Ours).Select(entry => entry.Value).DefaultIfEmpty(0).Max();
        if (oursPeak > 0)
        {
            string verdict = oursPeak <= machine + TickTolerancePercent ? "ok" : "WARNING";
            findings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{verdict} our broker's highest CPU in a measured interval was {oursPeak:0}% of one core (the machine has {machine:0}%, shared with the generator)"));
        }
    }

    private static void CheckDeliveries(ResultSet results, List<string> findings)
    {
        IEnumerable<IGrouping<(string Scenario, string Broker), ResultEntry>> incomplete = results.All(Metrics.Delivered)
            .Where(entry => entry.Value < Complete)
            .GroupBy(entry => (entry.Scenario, entry.Broker));
        bool any = false;
        foreach (IGrouping<(string Scenario, string Broker), ResultEntry> group in incomplete)
        {
            any = true;
            int runs = results.Values(group.Key.Scenario, group.Key.Broker, Metrics.Delivered).Count;
            findings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"WARNING {group.Key.Broker} dropped messages in {group.Key.Scenario}: {group.Count()} of {runs} runs incomplete, worst {Metrics.Delivered.Format(group.Min(entry => entry.Value))}% delivered"));
        }

        if (!any)
        {
            findings.Add("ok every message sent was delivered, in every run");
        }
    }

    private static void CheckSenderLag(ResultSet results, CalibrationResult calibration, List<string> findings)
    {
        ResultEntry? worst = results.All(Metrics.SenderLag99).MaxBy(entry => entry.Value);
        if (worst is null)
        {
            return;
        }

        string verdict = worst.Value <= LatestOnTimeMicroseconds ? "ok" : "WARNING";
        findings.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"{verdict} paced sender: 99% of messages left within {worst.Value:N0} µs of their schedule in the worst run ({worst.Scenario}, {worst.Broker}; limit {LatestOnTimeMicroseconds:N0} µs); "
            + $"alone it managed {calibration.PacedLag99Microseconds:N0} µs, so latency percentiles near that are this machine's scheduling noise"));
    }
}
