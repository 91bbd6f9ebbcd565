using System.Diagnostics;

namespace Esp32Mqtt.Broker.Benchmarks.Sampling;

/// <summary>The broker's CPU time and the wall time over one measured interval, taken as a difference of two readings.</summary>
internal sealed class CpuWindow
{
    private readonly int _processId;
    private readonly TimeSpan _cpuAtStart;
    private readonly long _startTimestamp;

    private CpuWindow(int processId)
    {
        _processId = processId;
        _cpuAtStart = ProcessCpuReader.Read(processId);
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>Starts measuring the process now.</summary>
    public static CpuWindow Open(int processId)
    {
        return new CpuWindow(processId);
    }

    /// <summary>Ends the interval: CPU time used in it and its wall-clock length.</summary>
    public (TimeSpan Cpu, TimeSpan Wall) Close()
    {
        TimeSpan wall = Stopwatch.GetElapsedTime(_startTimestamp);
        TimeSpan cpu = ProcessCpuReader.Read(_processId) - _cpuAtStart;
        return (cpu, wall);
    }
}
