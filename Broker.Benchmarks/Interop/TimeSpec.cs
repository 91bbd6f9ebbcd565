using System.Runtime.InteropServices;

namespace Esp32Mqtt.Broker.Benchmarks.Interop;

/// <summary>struct timespec on 64-bit Linux.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TimeSpec
{
    /// <summary>Whole seconds.</summary>
    public long Seconds;

    /// <summary>Nanoseconds within the second.</summary>
    public long Nanoseconds;
}
