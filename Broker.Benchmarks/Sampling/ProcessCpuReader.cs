using System.Globalization;
using Esp32Mqtt.Broker.Benchmarks.Interop;

namespace Esp32Mqtt.Broker.Benchmarks.Sampling;

/// <summary>
/// Reads a process's CPU time from the kernel's accounting: utime + stime of /proc/&lt;pid&gt;/stat (proc(5)), which
/// sums every thread of the process, in clock ticks of 1/CLK_TCK seconds (100 on Linux, so 10 ms resolution).
/// </summary>
internal static class ProcessCpuReader
{
    private const int ClockTicksSetting = 2;
    private const long UsualClockTicksPerSecond = 100;

    // Fields of /proc/<pid>/stat counted from the one after the command name's closing parenthesis (field 3, "state").
    private const int UserTimeIndex = 11;
    private const int SystemTimeIndex = 12;

    /// <summary>Clock ticks per second (sysconf(_SC_CLK_TCK)).</summary>
    public static long TicksPerSecond { get; } = ReadTicksPerSecond();

    /// <summary>The CPU time the process has used so far, user plus system.</summary>
    public static TimeSpan Read(int processId)
    {
        string stat = File.ReadAllText($"/proc/{processId}/stat");

        // The command name may contain spaces and parentheses; the fields start after the last ')'.
        int nameEnd = stat.LastIndexOf(')');
        string[] fields = stat[(nameEnd + 2)..].Split(' ');
        long ticks = long.Parse(fields[UserTimeIndex], CultureInfo.InvariantCulture)
            + long.Parse(fields[SystemTimeIndex], CultureInfo.InvariantCulture);
        return TimeSpan.FromTicks(ticks * TimeSpan.TicksPerSecond / TicksPerSecond);
    }

    private static long ReadTicksPerSecond()
    {
        try
        {
            long ticks = LibC.SystemConfiguration(ClockTicksSetting);
            return ticks > 0 ? ticks : UsualClockTicksPerSecond;
        }
        catch (DllNotFoundException)
        {
            return UsualClockTicksPerSecond;
        }
    }
}
