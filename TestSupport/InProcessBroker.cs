using Esp32Mqtt.Broker.ConsoleCommands;
using Esp32Mqtt.Broker.Dashboard;
using Esp32Mqtt.Broker.Dashboard.Web;
using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Tls;
using Esp32Mqtt.Broker.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Esp32Mqtt.TestSupport;

/// <summary>
/// Our broker as a host inside the test process, composed exactly as Program.cs does (AddBroker, AddDashboard), on
/// free loopback ports, with its log lines, console input and console output captured for the test.
/// </summary>
public sealed class InProcessBroker : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TemporaryDirectory? _ownedDirectory;
    private bool _stopped;

    private InProcessBroker(IHost host, TemporaryDirectory? ownedDirectory, string dataDirectory, LogCapture logs, ConsoleInput input, ConsoleOutput output)
    {
        _host = host;
        _ownedDirectory = ownedDirectory;
        DataDirectory = dataDirectory;
        Logs = logs;
        Input = input;
        Output = output;
    }

    /// <summary>The port it listens on (loopback only).</summary>
    public int Port => Services.GetRequiredService<BrokerServer>().LocalEndPoint!.Port;

    /// <summary>The TLS port, when TLS is on (certificates in the data directory).</summary>
    public int? TlsPort => Services.GetRequiredService<TlsListener>().LocalEndPoint?.Port;

    /// <summary>The dashboard's port (loopback only); it also serves MQTT over WebSockets at <c>/mqtt</c>.</summary>
    public int DashboardPort => Services.GetRequiredService<DashboardHost>().LocalEndPoint!.Port;

    /// <summary>The dashboard's address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri DashboardAddress => new($"http://127.0.0.1:{DashboardPort}/");

    /// <summary>Where MQTT over WebSockets is served: <c>ws://127.0.0.1:41234/mqtt</c>.</summary>
    public Uri WebSocketAddress => new($"ws://127.0.0.1:{DashboardPort}{DashboardBanner.WebSocketPath}");

    /// <summary>The host's services, to reach the MQTTnet server or the subscription registry.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The retained-store folder.</summary>
    public string DataDirectory { get; }

    /// <summary>Every log line.</summary>
    public LogCapture Logs { get; }

    /// <summary>The console input: type commands here.</summary>
    public ConsoleInput Input { get; }

    /// <summary>The console output: banner and command output.</summary>
    public ConsoleOutput Output { get; }

    /// <summary>
    /// Starts a broker, on port 0 for TLS too. <paramref name="settings"/> override configuration keys (such as <c>Broker:AllowAnonymous</c> or
    /// <c>Logging:LogLevel:Esp32Mqtt.Broker.Messages</c>); <paramref name="dataDirectory"/> reuses a store folder
    /// (for restart tests), otherwise a temporary one is made and deleted with the broker; <paramref name="transport"/>
    /// serves its clients; <paramref name="timeProvider"/> replaces the broker's clock (a manual one, for expiries).
    /// </summary>
    public static async Task<InProcessBroker> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string? dataDirectory = null, TransportKind transport = TransportKind.Fast, TimeProvider? timeProvider = null)
    {
        TemporaryDirectory? ownedDirectory = dataDirectory is null ? new TemporaryDirectory() : null;
        string directory = dataDirectory ?? ownedDirectory!.FullPath;
        Dictionary<string, string?> configuration = new()
        {
            ["Broker:Port"] = "0",
            ["Broker:Tls:Port"] = "0",
            ["Broker:DashboardPort"] = "0",
            ["Broker:BindAddress"] = "127.0.0.1",
            ["Broker:DataDirectory"] = directory,
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:MQTTnet"] = "None",
            ["Broker:Transport"] = transport.ToString(),
        };
        foreach (KeyValuePair<string, string?> setting in settings ?? new Dictionary<string, string?>())
        {
            configuration[setting.Key] = setting.Value;
        }

        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory });
        builder.Configuration.AddInMemoryCollection(configuration);
        LogCapture logs = new();
        ConsoleInput input = new();
        ConsoleOutput output = new();
        builder.Services.AddSingleton(new BrokerConsole(input, output));
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.AddBroker();
        builder.AddDashboard();
        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddProvider(logs);

        IHost host = builder.Build();
        try
        {
            using CancellationTokenSource timeout = new(TestTimeouts.Process);
            await host.StartAsync(timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            input.Dispose();
            ownedDirectory?.Dispose();
            throw;
        }

        return new InProcessBroker(host, ownedDirectory, directory, logs, input, output);
    }

    /// <summary>Stops the broker gracefully, as Ctrl-C does.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using CancellationTokenSource timeout = new(TestTimeouts.Process);
        await _host.StopAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            Input.EndInput();
            _host.Dispose();
            Input.Dispose();
            _ownedDirectory?.Dispose();
        }
    }
}
