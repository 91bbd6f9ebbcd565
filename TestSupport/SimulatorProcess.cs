using System.Globalization;
using System.Reflection;
using Esp32Mqtt.TestSupport.Network;

namespace Esp32Mqtt.TestSupport;

/// <summary>
/// The simulator as a real process (<c>dotnet Esp32Client.Simulator.dll</c>), read through its plain output: one line
/// per LED change and per connection event, as it prints when its output is not a terminal. Killed on dispose.
/// </summary>
public sealed class SimulatorProcess : IDisposable
{
    private const string ConnectedLine = "Connected to the broker.";
    private const string LedOnLine = "LED ● on";
    private const string LedOffLine = "LED ○ off";

    private SimulatorProcess(ChildProcess process, string id)
    {
        Process = process;
        Id = id;
    }

    /// <summary>The simulator in its own build output (TestSupport.csproj says why).</summary>
    public static string DllPath { get; } = Path.GetFullPath(typeof(SimulatorProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "SimulatorDll").Value!);

    /// <summary>The running process.</summary>
    public ChildProcess Process { get; }

    /// <summary>The simulated board's id.</summary>
    public string Id { get; }

    /// <summary>How many times it has connected to the broker.</summary>
    public int Connections => Process.OutputLines.Count(line => line.EndsWith(ConnectedLine, StringComparison.Ordinal));

    /// <summary>The LED as last drawn, or null before the first drawing.</summary>
    public bool? Led
    {
        get
        {
            string? last = Process.OutputLines.LastOrDefault(line => line.EndsWith(LedOnLine, StringComparison.Ordinal) || line.EndsWith(LedOffLine, StringComparison.Ordinal));
            return last is null ? null : last.EndsWith(LedOnLine, StringComparison.Ordinal);
        }
    }

    /// <summary>Starts a simulated board against a loopback broker, with <paramref name="moreArguments"/> (--tls, say), and waits until it has connected.</summary>
    public static async Task<SimulatorProcess> StartAsync(int brokerPort, string id, params string[] moreArguments)
    {
        SimulatorProcess simulator = Launch(brokerPort, id, moreArguments);
        try
        {
            await simulator.WaitForConnectionsAsync(1).ConfigureAwait(false);
            return simulator;
        }
        catch
        {
            simulator.Dispose();
            throw;
        }
    }

    /// <summary>Starts a simulated board against a loopback port without waiting for anything.</summary>
    public static SimulatorProcess Launch(int brokerPort, string id, params string[] moreArguments)
    {
        ChildProcess process = ChildProcess.Start(
            "dotnet",
            [DllPath, "--broker", "127.0.0.1", "--port", brokerPort.ToString(CultureInfo.InvariantCulture), "--id", id, .. moreArguments]);
        return new SimulatorProcess(process, id);
    }

    /// <summary>
    /// Starts a simulated board on a host of an <see cref="IsolatedLan"/> with no broker address, so that it looks for the
    /// broker on the network, without waiting for anything.
    /// </summary>
    public static SimulatorProcess LaunchOn(LanHost host, string id, params string[] moreArguments)
    {
        return new SimulatorProcess(IsolatedLan.Start(host, "dotnet", [DllPath, "--id", id, .. moreArguments]), id);
    }

    /// <summary>Waits until it has connected <paramref name="count"/> times in all; fails with its output if it exits or times out first.</summary>
    public async Task WaitForConnectionsAsync(int count)
    {
        try
        {
            await Eventually.UntilAsync(() => Connections >= count || Process.HasExited, TestTimeouts.Process, $"{Id} to connect {count} time(s)").ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message} Output: {string.Join(" | ", Process.OutputLines)}", exception);
        }

        if (Connections < count)
        {
            throw new InvalidOperationException($"{Id} exited with code {Process.ExitCode} after {Connections} connection(s). Output: {string.Join(" | ", Process.OutputLines)} Errors: {string.Join(" | ", Process.ErrorLines)}");
        }
    }

    /// <summary>Waits until the LED shows <paramref name="on"/>.</summary>
    public Task WaitForLedAsync(bool on)
    {
        return Eventually.UntilAsync(() => Led == on, TestTimeouts.Short, $"{Id}'s LED to show {(on ? "on" : "off")}");
    }

    /// <summary>Kills the process at once, like pulling the board's power: no goodbye to the broker.</summary>
    public Task KillAsync()
    {
        return Process.KillAsync();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Process.Dispose();
    }
}
