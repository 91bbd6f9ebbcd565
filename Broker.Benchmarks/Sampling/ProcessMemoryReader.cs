using System.Globalization;

namespace Esp32Mqtt.Broker.Benchmarks.Sampling;

/// <summary>
/// Reads a process's memory from /proc (proc(5)). PSS is the headline: unlike RSS it does not charge a process for
/// library pages that other processes share. Neither counts the kernel's socket buffers.
/// </summary>
internal static class ProcessMemoryReader
{
    private const string ProportionalKey = "Pss:";
    private const string ResidentKey = "VmRSS:";
    private const string ThreadsKey = "Threads:";

    /// <summary>Reads PSS, RSS and the thread count.</summary>
    public static MemorySample Read(int processId)
    {
        string[] rollup = File.ReadAllLines($"/proc/{processId}/smaps_rollup");
        string[] status = File.ReadAllLines($"/proc/{processId}/status");
        return new MemorySample(
            ReadValue(rollup, ProportionalKey),
            ReadValue(status, ResidentKey),
            (int)ReadValue(status, ThreadsKey));
    }

    private static long ReadValue(string[] lines, string key)
    {
        foreach (string line in lines)
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                // "Pss:                1234 kB": the number is the first word after the key.
                string value = line[key.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return long.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidDataException($"'{key}' not found for the process");
    }
}
