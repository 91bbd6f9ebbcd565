namespace Esp32Mqtt.Broker.Benchmarks.Sampling;

/// <summary>A process's memory as the kernel sees it.</summary>
/// <param name="ProportionalKilobytes">PSS from /proc/&lt;pid&gt;/smaps_rollup: resident pages, shared ones divided among their sharers.</param>
/// <param name="ResidentKilobytes">VmRSS from /proc/&lt;pid&gt;/status.</param>
/// <param name="Threads">Threads from /proc/&lt;pid&gt;/status.</param>
internal readonly record struct MemorySample(long ProportionalKilobytes, long ResidentKilobytes, int Threads);
