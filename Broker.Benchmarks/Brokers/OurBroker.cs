using System.Diagnostics;
using System.Globalization;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>
/// Our broker as users run it (<c>dotnet Broker.dll</c>, its Release build), on loopback, a fresh data directory in
/// a temporary folder for each start (it persists retained messages only, and the benchmark publishes none), the
/// shared queue limit, and every log level off. Its web dashboard is on (on a free port) as a learner's is, unless the
/// run measures what the dashboard costs (<see cref="DashboardUse"/>).
/// </summary>
internal sealed class OurBroker : IBrokerUnderTest
{
    private const string DotNetHost = "dotnet";
    private const string TemporaryPrefix = "esp32mqtt-bench-ours-";

    private readonly string _brokerDllPath;
    private readonly BrokerSettings _settings;
    private readonly string _transport;
    private readonly IReadOnlyList<string> _loggingOff;
    private readonly BenchmarkCertificates? _certificates;
    private readonly DashboardUse _dashboard;
    private BrokerProcess? _process;
    private DirectoryInfo? _dataDirectory;
    private OpenPage? _page;

    /// <summary>
    /// Runs the broker built at <paramref name="brokerDllPath"/> with <paramref name="settings"/> over
    /// <paramref name="transport"/>, a TLS listener serving <paramref name="certificates"/> if given, and its dashboard
    /// used as <paramref name="dashboard"/> says.
    /// </summary>
    public OurBroker(string brokerDllPath, BrokerSettings settings, string transport, BenchmarkCertificates? certificates, DashboardUse dashboard = DashboardUse.NoPage)
    {
        _brokerDllPath = brokerDllPath;
        _settings = settings;
        _transport = transport;
        _certificates = certificates;
        _dashboard = dashboard;
        _loggingOff = LoggingOverrides.For(Path.GetDirectoryName(brokerDllPath)!);
    }

    /// <inheritdoc />
    public string Name => _dashboard switch
    {
        DashboardUse.Off => BrokerNames.OursWithoutDashboard,
        DashboardUse.OnePage => BrokerNames.OursWithOnePage,
        _ => BrokerNames.Ours,
    };

    /// <inheritdoc />
    public TimeSpan? TimeToDashboard { get; private set; }

    /// <summary>The dashboard's port; 0 while it is off.</summary>
    public int DashboardPort { get; private set; }

    /// <inheritdoc />
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Our broker is not running.");

    /// <inheritdoc />
    public int Port { get; private set; }

    /// <inheritdoc />
    public int? TlsPort { get; private set; }

    /// <summary>The arguments after the DLL path, for the README and the result files.</summary>
    public IReadOnlyList<string> Arguments(int port, int? tlsPort, string dataDirectory)
    {
        string[] dashboard = _dashboard == DashboardUse.Off
            ? ["--dashboard", "false"]
            : ["--dashboard-port", DashboardPort.ToString(CultureInfo.InvariantCulture)];
        return
        [
            "--port", port.ToString(CultureInfo.InvariantCulture),
            .. dashboard,
            $"--Broker:BindAddress={BrokerSettings.ListenAddress}",
            $"--Broker:DataDirectory={dataDirectory}",
            string.Create(CultureInfo.InvariantCulture, $"--Broker:MaxPendingMessagesPerClient={_settings.QueueLimit}"),
            $"--Broker:Transport={_transport}",
            .. TlsArguments(tlsPort),

            // No DNS-SD announcements from a benchmark: the load stays on this machine.
            "--Broker:Advertise=false",
            .. _loggingOff,
        ];
    }

    /// <inheritdoc />
    public async Task<TimeSpan> StartAsync(CancellationToken cancellationToken)
    {
        Port = FreePort.Pick();
        TlsPort = _certificates is null ? null : FreePort.Pick();
        DashboardPort = _dashboard == DashboardUse.Off ? 0 : FreePort.Pick();
        TimeToDashboard = null;
        _dataDirectory = Directory.CreateTempSubdirectory(TemporaryPrefix);
        string[] arguments = [_brokerDllPath, .. Arguments(Port, TlsPort, _dataDirectory.FullName)];
        long start = Stopwatch.GetTimestamp();
        _process = BrokerProcess.Start(DotNetHost, arguments, _dataDirectory.FullName);
        Task<TimeSpan>? dashboardReady = _dashboard == DashboardUse.Off ? null : DashboardProbe.WaitAsync(DashboardPort, _process, start, cancellationToken);
        TimeSpan ready = await ReadinessProbe.WaitAsync(Name, Port, _process, start, cancellationToken).ConfigureAwait(false);
        if (dashboardReady is not null)
        {
            TimeToDashboard = await dashboardReady.ConfigureAwait(false);
        }

        if (_dashboard == DashboardUse.OnePage)
        {
            _page = OpenPage.Open(DashboardPort);
        }

        return ready;
    }

    private IReadOnlyList<string> TlsArguments(int? tlsPort)
    {
        if (_certificates is null || tlsPort is null)
        {
            return ["--Broker:Tls:Enabled=false"];
        }

        return
        [
            "--Broker:Tls:Enabled=true",
            string.Create(CultureInfo.InvariantCulture, $"--Broker:Tls:Port={tlsPort}"),
            $"--Broker:Tls:CertificateFile={_certificates.ServerCertificate}",
            $"--Broker:Tls:KeyFile={_certificates.ServerKey}",
        ];
    }

    /// <inheritdoc />
    public void Stop()
    {
        _page?.Dispose();
        _page = null;
        _process?.Stop();
        _process = null;
        _dataDirectory?.Delete(recursive: true);
        _dataDirectory = null;
    }
}
