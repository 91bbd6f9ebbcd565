using System.Globalization;

namespace Esp32Mqtt.TestSupport;

/// <summary>
/// A Mosquitto broker for comparison tests: a generated config (loopback listener on a free port, anonymous clients
/// allowed, no persistence), started and waited for until it accepts connections, killed on dispose.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    private const int StartAttempts = 3;

    private readonly ChildProcess _process;
    private readonly TemporaryDirectory _directory;
    private readonly string _mosquittoPath;

    private MosquittoBroker(ChildProcess process, TemporaryDirectory directory, int port, string mosquittoPath)
    {
        _process = process;
        _directory = directory;
        _mosquittoPath = mosquittoPath;
        Port = port;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>Its log output so far (it logs to standard error).</summary>
    public IReadOnlyList<string> LogLines => [.. _process.ErrorLines, .. _process.OutputLines];

    /// <summary>Starts <paramref name="mosquittoPath"/>; retries on another port if the chosen one was taken meanwhile.</summary>
    public static async Task<MosquittoBroker> StartAsync(string mosquittoPath)
    {
        for (int attempt = 1; ; attempt++)
        {
            int port = FreeTcpPort.Find();
            MosquittoBroker broker = await LaunchAsync(mosquittoPath, port).ConfigureAwait(false);
            if (!broker._process.HasExited)
            {
                return broker;
            }

            string log = string.Join(Environment.NewLine, broker.LogLines);
            broker.Dispose();
            if (attempt >= StartAttempts)
            {
                throw new InvalidOperationException($"mosquitto did not start: {log}");
            }
        }
    }

    /// <summary>
    /// Stops this broker at once (like a crash or a power cut: no clean goodbye to clients) and starts a new one on
    /// the same port, for tests of clients that must reconnect. Nothing survives: persistence is off.
    /// </summary>
    public async Task<MosquittoBroker> RestartAsync()
    {
        Dispose();
        MosquittoBroker broker = await LaunchAsync(_mosquittoPath, Port).ConfigureAwait(false);
        if (broker._process.HasExited)
        {
            string log = string.Join(Environment.NewLine, broker.LogLines);
            broker.Dispose();
            throw new InvalidOperationException($"mosquitto did not restart on port {Port}: {log}");
        }

        return broker;
    }

    /// <summary>Starts Mosquitto on <paramref name="port"/> and waits until it accepts connections or exits.</summary>
    private static async Task<MosquittoBroker> LaunchAsync(string mosquittoPath, int port)
    {
        TemporaryDirectory directory = new();
        string configPath = directory.Combine("mosquitto.conf");
        await File.WriteAllTextAsync(configPath, string.Create(CultureInfo.InvariantCulture, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence false
            log_dest stderr
            """)).ConfigureAwait(false);
        ChildProcess process = ChildProcess.Start(mosquittoPath, ["-c", configPath]);
        MosquittoBroker broker = new(process, directory, port, mosquittoPath);
        try
        {
            await Eventually.UntilAsync(async () => process.HasExited || await FreeTcpPort.AcceptsConnectionsAsync(port).ConfigureAwait(false), TestTimeouts.Process, $"mosquitto to accept connections on port {port}").ConfigureAwait(false);
        }
        catch
        {
            broker.Dispose();
            throw;
        }

        return broker;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _process.Dispose();
        _directory.Dispose();
    }
}
