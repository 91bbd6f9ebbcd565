using System.Globalization;
using Esp32Mqtt.Broker.Dashboard.Web;
using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Tls;
using Esp32Mqtt.TestSupport.Network;

namespace Esp32Mqtt.TestSupport;

/// <summary>
/// Our broker as a real process (<c>dotnet Broker.dll ...</c>, the build output copied next to the tests), with the
/// ports read from its banner; killed on dispose. For what only a process shows: exit codes, stderr, kill -9. Its
/// dashboard takes a free port (Broker__DashboardPort=0 in its environment), unless the arguments give one.
/// </summary>
public sealed class BrokerProcess : IDisposable
{
    // Environment settings come before the command line, which can still turn advertising on or pick a dashboard port:
    // a test's broker sends nothing to the machine's real networks, and brokers of tests running side by side do not all
    // want port 8080.
    private static readonly Dictionary<string, string?> s_quietEnvironment = new()
    {
        ["Broker__Advertise"] = "false",
        ["Broker__DashboardPort"] = "0",
    };

    private BrokerProcess(ChildProcess process, int port, int? tlsPort, int? dashboardPort)
    {
        Process = process;
        Port = port;
        TlsPort = tlsPort;
        DashboardPort = dashboardPort;
    }

    /// <summary>The built broker next to the test assembly.</summary>
    public static string BrokerDllPath => Path.Combine(AppContext.BaseDirectory, "Broker.dll");

    /// <summary>The running process.</summary>
    public ChildProcess Process { get; }

    /// <summary>The port from the banner.</summary>
    public int Port { get; }

    /// <summary>The TLS port from the banner, when TLS is on.</summary>
    public int? TlsPort { get; }

    /// <summary>The dashboard's port from the banner, or null when the dashboard is switched off.</summary>
    public int? DashboardPort { get; }

    /// <summary>Starts the broker with <paramref name="arguments"/> and waits for the banner's port line.</summary>
    public static Task<BrokerProcess> StartAsync(params string[] arguments)
    {
        return WaitForPortAsync(Launch(arguments));
    }

    /// <summary>Starts the broker with <paramref name="environment"/> added (a locale, say) and waits for the banner's port line.</summary>
    public static Task<BrokerProcess> StartWithEnvironmentAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        Dictionary<string, string?> merged = new(s_quietEnvironment);
        foreach (KeyValuePair<string, string?> variable in environment)
        {
            merged[variable.Key] = variable.Value;
        }

        return WaitForPortAsync(ChildProcess.Start("dotnet", [BrokerDllPath, .. arguments], merged));
    }

    /// <summary>
    /// Starts the broker on a host of an <see cref="IsolatedLan"/>, advertising itself there, with <paramref name="arguments"/>
    /// after that, and waits for the banner's port line.
    /// </summary>
    public static Task<BrokerProcess> StartOnAsync(LanHost host, params string[] arguments)
    {
        return WaitForPortAsync(IsolatedLan.Start(host, "dotnet", [BrokerDllPath, "--Broker:Advertise=true", .. arguments], s_quietEnvironment));
    }

    private static async Task<BrokerProcess> WaitForPortAsync(ChildProcess process)
    {
        try
        {
            string portLine = await process.WaitForOutputLineAsync(line => line.StartsWith(BannerWriter.PortLinePrefix, StringComparison.Ordinal), TestTimeouts.Process).ConfigureAwait(false);
            // The TLS and dashboard lines come before the last line of the banner, the console hint.
            await process.WaitForOutputLineAsync(line => line.StartsWith(BannerWriter.LastLinePrefix, StringComparison.Ordinal), TestTimeouts.Process).ConfigureAwait(false);
            string? tlsLine = process.OutputLines.FirstOrDefault(line => line.StartsWith(TlsBanner.PortLinePrefix, StringComparison.Ordinal));
            int? tlsPort = tlsLine is null ? null : NumberAfter(tlsLine, TlsBanner.PortLinePrefix);
            string? webSocketLine = process.OutputLines.FirstOrDefault(line => line.StartsWith(DashboardBanner.WebSocketLinePrefix, StringComparison.Ordinal));
            int? dashboardPort = webSocketLine is null ? null : new Uri(webSocketLine[DashboardBanner.WebSocketLinePrefix.Length..]).Port;
            return new BrokerProcess(process, NumberAfter(portLine, BannerWriter.PortLinePrefix), tlsPort, dashboardPort);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Starts the broker process without waiting for anything, for tests of start-up failures.</summary>
    public static ChildProcess Launch(params string[] arguments)
    {
        return LaunchFrom(AppContext.BaseDirectory, arguments);
    }

    /// <summary>
    /// Starts the copy of the broker in <paramref name="directory"/> (see <see cref="CopyTo"/>). It does not advertise
    /// itself on the network unless the arguments say <c>--Broker:Advertise=true</c>, and its dashboard takes a free port
    /// unless they give one.
    /// </summary>
    public static ChildProcess LaunchFrom(string directory, params string[] arguments)
    {
        return ChildProcess.Start("dotnet", [Path.Combine(directory, "Broker.dll"), .. arguments], s_quietEnvironment);
    }

    /// <summary>Copies the built broker (assemblies, its .json files and appsettings.json) to <paramref name="directory"/>, to run it with other settings files.</summary>
    public static void CopyTo(string directory)
    {
        foreach (string file in Directory.EnumerateFiles(AppContext.BaseDirectory))
        {
            string name = Path.GetFileName(file);
            if (name.EndsWith(".dll", StringComparison.Ordinal) || name.StartsWith("Broker.", StringComparison.Ordinal) || name == "appsettings.json")
            {
                File.Copy(file, Path.Combine(directory, name), overwrite: true);
            }
        }
    }

    private static int NumberAfter(string line, string prefix)
    {
        return int.Parse(new string([.. line[prefix.Length..].TakeWhile(char.IsAsciiDigit)]), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Process.Dispose();
    }
}
