using System.Diagnostics;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>
/// After the publishers stop, waits for what is still in socket buffers and broker queues to arrive: until
/// everything expected is in, or nothing more has arrived for a while (the rest was dropped), or a hard limit.
/// </summary>
internal static class Drain
{
    private static readonly TimeSpan s_quietPeriod = TimeSpan.FromMilliseconds(750);
    private static readonly TimeSpan s_longest = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Waits until <paramref name="received"/> reaches <paramref name="expected"/> or stops growing.</summary>
    public static async Task WaitAsync(Func<long> received, long expected, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        long lastCount = received();
        long lastChange = start;
        while (lastCount < expected && Stopwatch.GetElapsedTime(start) < s_longest)
        {
            await Task.Delay(s_pollInterval, cancellationToken).ConfigureAwait(false);
            long count = received();
            if (count != lastCount)
            {
                lastCount = count;
                lastChange = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastChange) > s_quietPeriod)
            {
                return;
            }
        }
    }
}
