namespace Esp32Mqtt.Broker.Benchmarks.Interop;

/// <summary>
/// Raises RLIMIT_NOFILE so that 2,000 idle connections fit; the brokers are started by this process and inherit it.
/// </summary>
internal static class FileDescriptorLimit
{
    private const int OpenFilesResource = 7;

    /// <summary>Raises the soft limit to at least <paramref name="needed"/> (up to the hard limit) and returns the soft limit in force.</summary>
    public static ulong EnsureAtLeast(ulong needed)
    {
        if (!OperatingSystem.IsLinux() || LibC.GetResourceLimit(OpenFilesResource, out ResourceLimit limit) != 0)
        {
            return needed;
        }

        if (limit.Current >= needed)
        {
            return limit.Current;
        }

        ResourceLimit raised = new() { Current = Math.Min(needed, limit.Maximum), Maximum = limit.Maximum };
        return LibC.SetResourceLimit(OpenFilesResource, ref raised) == 0 ? raised.Current : limit.Current;
    }
}
