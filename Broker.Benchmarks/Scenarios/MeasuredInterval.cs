using Esp32Mqtt.Broker.Benchmarks.Sampling;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>Deliveries and CPU over one interval, all taken as differences between its two ends.</summary>
/// <param name="Delivered">Messages received by the subscribers in the interval.</param>
/// <param name="Cpu">Broker CPU time (user + system) in the interval.</param>
/// <param name="GeneratorCpu">This program's CPU time in the interval.</param>
/// <param name="Wall">The interval's wall-clock length.</param>
internal sealed record MeasuredInterval(long Delivered, TimeSpan Cpu, TimeSpan GeneratorCpu, TimeSpan Wall)
{
    private const double Whole = 100;

    /// <summary>Measures <paramref name="processId"/> and <paramref name="delivered"/> for <paramref name="duration"/>.</summary>
    public static async Task<MeasuredInterval> MeasureAsync(int processId, Func<long> delivered, TimeSpan duration, CancellationToken cancellationToken)
    {
        long deliveredBefore = delivered();
        CpuWindow generator = CpuWindow.Open(Environment.ProcessId);
        CpuWindow cpu = CpuWindow.Open(processId);
        await Task.Delay(duration, cancellationToken).ConfigureAwait(false);
        (TimeSpan cpuTime, TimeSpan wall) = cpu.Close();
        (TimeSpan generatorTime, _) = generator.Close();
        return new MeasuredInterval(delivered() - deliveredBefore, cpuTime, generatorTime, wall);
    }

    /// <summary>Broker CPU microseconds per delivered message.</summary>
    public double CpuMicrosecondsPerMessage => Delivered == 0 ? double.NaN : Cpu.TotalMicroseconds / Delivered;

    /// <summary>Delivered messages per second.</summary>
    public double Rate => Delivered / Wall.TotalSeconds;

    /// <summary>Broker CPU as a percentage of one core.</summary>
    public double CpuPercent => Cpu / Wall * Whole;

    /// <summary>Generator CPU as a percentage of one core.</summary>
    public double GeneratorCpuPercent => GeneratorCpu / Wall * Whole;
}
