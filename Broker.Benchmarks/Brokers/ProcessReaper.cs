using System.Diagnostics;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>
/// Remembers every broker process started, so that Ctrl-C, SIGTERM, an unhandled exception or a normal exit kills
/// whatever is still running: a benchmark must leave no stray broker behind.
/// </summary>
internal static class ProcessReaper
{
    private static readonly object s_gate = new();
    private static readonly HashSet<Process> s_running = [];

    /// <summary>Adds a started process.</summary>
    public static void Track(Process process)
    {
        lock (s_gate)
        {
            _ = s_running.Add(process);
        }
    }

    /// <summary>Removes a process that has been stopped.</summary>
    public static void Forget(Process process)
    {
        lock (s_gate)
        {
            _ = s_running.Remove(process);
        }
    }

    /// <summary>Kills every tracked process at once.</summary>
    public static void KillAll()
    {
        Process[] running;
        lock (s_gate)
        {
            running = [.. s_running];
            s_running.Clear();
        }

        foreach (Process process in running)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
