using System.Diagnostics;
using System.Globalization;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>
/// Our broker as users run it (<c>dotnet Broker.dll</c>, its Release build), on loopback, a fresh data directory in
/// a temporary folder for each start (it persists retained messages only, and the benchmark publishes none), the
/// shared queue limit, and every log level off.
/// </summary>
internal sealed class OurBroker : IBrokerUnderTest
{
    private const string DotNetHost = "dotnet";
    private const string TemporaryPrefix = "esp32mqtt-bench-ours-";

    private readonly string _brokerDllPath;
    private readonly BrokerSettings _settings;
    private readonly IReadOnlyList<string> _loggingOff;
    private readonly BenchmarkCertificates? _certificates;
    private BrokerProcess? _process;
    private DirectoryInfo? _dataDirectory;

    /// <summary>Runs the broker built at <paramref name="brokerDllPath"/> with <paramref name="settings"/>, and a TLS listener serving <paramref name="certificates"/> if given.</summary>
    public OurBroker(string brokerDllPath, BrokerSettings settings, BenchmarkCertificates? certificates)
    {
        _brokerDllPath = brokerDllPath;
        _settings = settings;
        _certificates = certificates;
        _loggingOff = LoggingOverrides.For(Path.GetDirectoryName(brokerDllPath)!);
    }

    /// <inheritdoc />
    public string Name => BrokerNames.Ours;

    /// <inheritdoc />
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Our broker is not running.");

    /// <inheritdoc />
    public int Port { get; private set; }

    /// <inheritdoc />
    public int? TlsPort { get; private set; }

    /// <summary>The arguments after the DLL path, for the README and the result files.</summary>
    public IReadOnlyList<string> Arguments(int port, int? tlsPort, string dataDirectory)
    {
        return
        [
            "--port", port.ToString(CultureInfo.InvariantCulture),
            $"--Broker:BindAddress={BrokerSettings.ListenAddress}",
            $"--Broker:DataDirectory={dataDirectory}",
            string.Create(CultureInfo.InvariantCulture, $"--Broker:MaxPendingMessagesPerClient={_settings.QueueLimit}"),
            .. TlsArguments(tlsPort),
            .. _loggingOff,
        ];
    }

    /// <inheritdoc />
    public async Task<TimeSpan> StartAsync(CancellationToken cancellationToken)
    {
        Port = FreePort.Pick();
        TlsPort = _certificates is null ? null : FreePort.Pick();
        _dataDirectory = Directory.CreateTempSubdirectory(TemporaryPrefix);
        string[] arguments = [_brokerDllPath, .. Arguments(Port, TlsPort, _dataDirectory.FullName)];
        long start = Stopwatch.GetTimestamp();
        _process = BrokerProcess.Start(DotNetHost, arguments, _dataDirectory.FullName);
        return await ReadinessProbe.WaitAsync(Name, Port, _process, start, cancellationToken).ConfigureAwait(false);
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
        _process?.Stop();
        _process = null;
        _dataDirectory?.Delete(recursive: true);
        _dataDirectory = null;
    }
}
