using System.Globalization;
using System.Runtime.InteropServices;

namespace Esp32Mqtt.Broker.Benchmarks.Sampling;

/// <summary>The machine and software a run measured, for the line above the results table.</summary>
/// <param name="CpuModel">"model name" from /proc/cpuinfo.</param>
/// <param name="Cores">Logical processors available to this process.</param>
/// <param name="MemoryGibibytes">MemTotal from /proc/meminfo.</param>
/// <param name="OperatingSystem">PRETTY_NAME from /etc/os-release and the kernel release.</param>
/// <param name="DotNet">The .NET runtime running the generator (and our broker).</param>
/// <param name="Mosquitto">Mosquitto's version, or "not run".</param>
/// <param name="MqttNet">The MQTTnet version next to Broker.dll.</param>
/// <param name="Date">When the run started (UTC).</param>
internal sealed record MachineDescription(
    string CpuModel,
    int Cores,
    double MemoryGibibytes,
    string OperatingSystem,
    string DotNet,
    string Mosquitto,
    string MqttNet,
    DateTimeOffset Date)
{
    private const double KilobytesPerGibibyte = 1024 * 1024;
    private const string Unknown = "unknown";

    /// <summary>Reads what this machine is.</summary>
    public static MachineDescription Collect(string mosquittoVersion, string mqttNetVersion)
    {
        return new MachineDescription(
            ReadKeyedValue("/proc/cpuinfo", "model name", ':') ?? Unknown,
            Environment.ProcessorCount,
            ReadMemoryGibibytes(),
            ReadOperatingSystem(),
            RuntimeInformation.FrameworkDescription,
            mosquittoVersion,
            mqttNetVersion,
            DateTimeOffset.UtcNow);
    }

    /// <summary>One line: CPU, cores, RAM, OS, .NET, Mosquitto, MQTTnet and date.</summary>
    public string Describe()
    {
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{CpuModel}, {Cores} cores, {MemoryGibibytes:0.0} GiB RAM, {OperatingSystem}, {DotNet}, Mosquitto {Mosquitto}, MQTTnet {MqttNet}, {Date:yyyy-MM-dd HH:mm} UTC");
    }

    private static double ReadMemoryGibibytes()
    {
        string? total = ReadKeyedValue("/proc/meminfo", "MemTotal", ':');
        string? kilobytes = total?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return kilobytes is null ? 0 : long.Parse(kilobytes, CultureInfo.InvariantCulture) / KilobytesPerGibibyte;
    }

    private static string ReadOperatingSystem()
    {
        string name = ReadKeyedValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;
        string kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : Unknown;
        return $"{name} (Linux {kernel})";
    }

    private static string? ReadKeyedValue(string path, string key, char separator)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (string line in File.ReadLines(path))
        {
            int split = line.IndexOf(separator);
            if (split > 0 && line[..split].Trim() == key)
            {
                return line[(split + 1)..].Trim();
            }
        }

        return null;
    }
}
