using Esp32Mqtt.Broker.Benchmarks.Brokers;

namespace Esp32Mqtt.Broker.Benchmarks.Device;

/// <summary>The simulated board (Esp32Client.Simulator), built once per run in Release, as the broker is.</summary>
internal static class SimulatorBuild
{
    private const string SimulatorDllName = "Esp32Client.Simulator.dll";
    private static readonly string s_simulatorProject = Path.Combine("Esp32Client.Simulator", "Esp32Client.Simulator.csproj");
    private static readonly Lazy<string> s_dllPath = new(Build);

    /// <summary>The path of the built Esp32Client.Simulator.dll; builds it the first time.</summary>
    public static string DllPath => s_dllPath.Value;

    private static string Build()
    {
        string root = RepositoryRoot.Find()
            ?? throw new DirectoryNotFoundException("The device round trip needs the repository (Esp32Client.Simulator) to build the simulated board.");
        return ReleaseBuild.Run(root, s_simulatorProject, SimulatorDllName, "fix the simulator's build, or leave the device-round-trip scenario out");
    }
}
