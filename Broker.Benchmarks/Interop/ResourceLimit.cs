using System.Runtime.InteropServices;

namespace Esp32Mqtt.Broker.Benchmarks.Interop;

/// <summary>struct rlimit on 64-bit Linux.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ResourceLimit
{
    /// <summary>The soft limit, which the process may raise up to <see cref="Maximum"/>.</summary>
    public ulong Current;

    /// <summary>The hard limit.</summary>
    public ulong Maximum;
}
