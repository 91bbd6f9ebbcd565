using System.Diagnostics;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>Debian's Mosquitto, started with a freshly generated <see cref="MosquittoConfig"/> in a temporary folder.</summary>
internal sealed class MosquittoBroker : IBrokerUnderTest
{
    private const string TemporaryPrefix = "esp32mqtt-bench-mosquitto-";
    private const string ConfigSwitch = "-c";

    private readonly string _executable;
    private readonly BrokerSettings _settings;
    private readonly BenchmarkCertificates? _certificates;
    private BrokerProcess? _process;
    private DirectoryInfo? _directory;

    /// <summary>Runs <paramref name="executable"/> with <paramref name="settings"/>, and a TLS listener serving <paramref name="certificates"/> if given.</summary>
    public MosquittoBroker(string executable, BrokerSettings settings, BenchmarkCertificates? certificates)
    {
        _executable = executable;
        _settings = settings;
        _certificates = certificates;
    }

    /// <inheritdoc />
    public string Name => BrokerNames.Mosquitto;

    /// <inheritdoc />
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Mosquitto is not running.");

    /// <inheritdoc />
    public int Port { get; private set; }

    /// <inheritdoc />
    public int? TlsPort { get; private set; }

    /// <inheritdoc />
    public TimeSpan? TimeToDashboard => null;

    /// <inheritdoc />
    public async Task<TimeSpan> StartAsync(CancellationToken cancellationToken)
    {
        Port = FreePort.Pick();
        TlsPort = _certificates is null ? null : FreePort.Pick();
        _directory = Directory.CreateTempSubdirectory(TemporaryPrefix);
        string configPath = Path.Combine(_directory.FullName, MosquittoConfig.FileName);
        await File.WriteAllTextAsync(configPath, MosquittoConfig.Render(Port, _settings, _certificates, TlsPort), cancellationToken).ConfigureAwait(false);
        long start = Stopwatch.GetTimestamp();
        _process = BrokerProcess.Start(_executable, [ConfigSwitch, configPath], _directory.FullName);
        return await ReadinessProbe.WaitAsync(Name, Port, _process, start, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Stop()
    {
        _process?.Stop();
        _process = null;
        _directory?.Delete(recursive: true);
        _directory = null;
    }
}
