using System.Runtime.InteropServices;

namespace Esp32Mqtt.Broker.Benchmarks.Interop;

/// <summary>The few Linux C library calls the benchmark needs and .NET does not offer.</summary>
internal static class LibC
{
    private const string Library = "libc";

    /// <summary>sysconf(3): a system configuration value such as the clock-tick rate.</summary>
    [DllImport(Library, EntryPoint = "sysconf", SetLastError = true)]
    internal static extern long SystemConfiguration(int name);

    /// <summary>clock_gettime(2): reads a clock.</summary>
    [DllImport(Library, EntryPoint = "clock_gettime", SetLastError = true)]
    internal static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>clock_nanosleep(2): sleeps until an absolute time; returns an error number, not -1.</summary>
    [DllImport(Library, EntryPoint = "clock_nanosleep")]
    internal static extern int ClockNanosleep(int clock, int flags, ref TimeSpec request, IntPtr remaining);

    /// <summary>prctl(2) with one numeric argument.</summary>
    [DllImport(Library, EntryPoint = "prctl", SetLastError = true)]
    internal static extern int ProcessControl(int option, ulong argument);

    /// <summary>getrlimit(2).</summary>
    [DllImport(Library, EntryPoint = "getrlimit", SetLastError = true)]
    internal static extern int GetResourceLimit(int resource, out ResourceLimit limit);

    /// <summary>setrlimit(2).</summary>
    [DllImport(Library, EntryPoint = "setrlimit", SetLastError = true)]
    internal static extern int SetResourceLimit(int resource, ref ResourceLimit limit);

    /// <summary>kill(2): sends a signal to a process.</summary>
    [DllImport(Library, EntryPoint = "kill", SetLastError = true)]
    internal static extern int Kill(int processId, int signal);
}
