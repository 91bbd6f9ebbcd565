using System.Diagnostics;

namespace Esp32Mqtt.Broker.Benchmarks.Interop;

/// <summary>
/// Sleeps until an absolute <see cref="Stopwatch"/> timestamp with microsecond precision, so a paced sender keeps an
/// absolute schedule (no drift, no catch-up bursts) without spinning on one of the machine's two cores.
/// </summary>
internal static class MonotonicSleep
{
    private const int MonotonicClock = 1;
    private const int AbsoluteTime = 1;
    private const int InterruptedCall = 4;
    private const int SetTimerSlackOption = 29;
    private const ulong FinestTimerSlackNanoseconds = 1;
    private const long NanosecondsPerSecond = 1_000_000_000;
    private const long LargestClockMismatchNanoseconds = 1_000_000;
    private static readonly TimeSpan s_coarseSleepThreshold = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Whether Stopwatch timestamps are CLOCK_MONOTONIC nanoseconds (true on Linux), checked once against the clock
    /// itself; if not, <see cref="Until"/> falls back to sleeping and yielding.
    /// </summary>
    public static bool IsPrecise { get; } = CheckStopwatchIsMonotonicClock();

    /// <summary>
    /// Asks for 1 ns timer slack on the calling thread; Linux otherwise lets a sleep overrun by 50 µs (PR_SET_TIMERSLACK, prctl(2)).
    /// </summary>
    public static void UseFinestTimerSlackOnThisThread()
    {
        if (IsPrecise)
        {
            _ = LibC.ProcessControl(SetTimerSlackOption, FinestTimerSlackNanoseconds);
        }
    }

    /// <summary>Returns at or just after <paramref name="stopwatchTimestamp"/>.</summary>
    public static void Until(long stopwatchTimestamp)
    {
        if (!IsPrecise)
        {
            SleepAndYieldUntil(stopwatchTimestamp);
            return;
        }

        TimeSpec deadline = new()
        {
            Seconds = stopwatchTimestamp / NanosecondsPerSecond,
            Nanoseconds = stopwatchTimestamp % NanosecondsPerSecond,
        };
        while (LibC.ClockNanosleep(MonotonicClock, AbsoluteTime, ref deadline, IntPtr.Zero) == InterruptedCall)
        {
            // A signal woke the thread early; the deadline is absolute, so sleeping again keeps the schedule.
        }
    }

    private static bool CheckStopwatchIsMonotonicClock()
    {
        if (!OperatingSystem.IsLinux() || Stopwatch.Frequency != NanosecondsPerSecond)
        {
            return false;
        }

        try
        {
            long before = Stopwatch.GetTimestamp();
            if (LibC.ClockGetTime(MonotonicClock, out TimeSpec now) != 0)
            {
                return false;
            }

            long clock = (now.Seconds * NanosecondsPerSecond) + now.Nanoseconds;
            return Math.Abs(clock - before) < LargestClockMismatchNanoseconds;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static void SleepAndYieldUntil(long stopwatchTimestamp)
    {
        while (true)
        {
            long remaining = stopwatchTimestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(0, remaining) > s_coarseSleepThreshold)
            {
                Thread.Sleep(1);
            }
            else
            {
                _ = Thread.Yield();
            }
        }
    }
}
