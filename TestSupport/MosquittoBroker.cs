using System.Globalization;
using Esp32Mqtt.Broker.Certificates;

namespace Esp32Mqtt.TestSupport;

/// <summary>
/// A Mosquitto broker for comparison tests: a generated config (loopback listener on a free port, anonymous clients
/// allowed, no persistence, and a TLS listener beside it when given certificates), started and waited for until it
/// accepts connections, killed on dispose.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    private const int StartAttempts = 3;

    private readonly ChildProcess _process;
    private readonly TemporaryDirectory _directory;
    private readonly string _mosquittoPath;
    private readonly CertificateFiles? _certificates;

    private MosquittoBroker(ChildProcess process, TemporaryDirectory directory, string mosquittoPath, int port, CertificateFiles? certificates, int? tlsPort)
    {
        _process = process;
        _directory = directory;
        _mosquittoPath = mosquittoPath;
        _certificates = certificates;
        Port = port;
        TlsPort = tlsPort;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>The loopback port of its TLS listener, if it was given certificates.</summary>
    public int? TlsPort { get; }

    /// <summary>Its log output so far (it logs to standard error).</summary>
    public IReadOnlyList<string> LogLines => [.. _process.ErrorLines, .. _process.OutputLines];

    /// <summary>
    /// Starts <paramref name="mosquittoPath"/>, with a TLS listener serving the certificate <paramref name="certificates"/>
    /// holds if given; retries on other ports if a chosen one was taken meanwhile.
    /// </summary>
    public static async Task<MosquittoBroker> StartAsync(string mosquittoPath, CertificateFiles? certificates = null)
    {
        for (int attempt = 1; ; attempt++)
        {
            int port = FreeTcpPort.Find();
            int? tlsPort = certificates is null ? null : FreeTcpPort.Find();
            MosquittoBroker broker = await LaunchAsync(mosquittoPath, port, certificates, tlsPort).ConfigureAwait(false);
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
        MosquittoBroker broker = await LaunchAsync(_mosquittoPath, Port, _certificates, TlsPort).ConfigureAwait(false);
        if (broker._process.HasExited)
        {
            string log = string.Join(Environment.NewLine, broker.LogLines);
            broker.Dispose();
            throw new InvalidOperationException($"mosquitto did not restart on port {Port}: {log}");
        }

        return broker;
    }

    /// <summary>Starts Mosquitto on <paramref name="port"/> (and <paramref name="tlsPort"/>) and waits until it accepts connections or exits.</summary>
    private static async Task<MosquittoBroker> LaunchAsync(string mosquittoPath, int port, CertificateFiles? certificates, int? tlsPort)
    {
        TemporaryDirectory directory = new();
        string configPath = directory.Combine("mosquitto.conf");
        string tlsListener = certificates is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"""

            listener {tlsPort} 127.0.0.1
            cafile {certificates.AuthorityCertificate}
            certfile {certificates.ServerCertificate}
            keyfile {certificates.ServerKey}
            tls_version tlsv1.2
            """);
        // Started as root, Mosquitto switches to the user named here before it reads the key (mosquitto.conf, "user"),
        // and the key make-certificates wrote is its owner's only; as any other user, the setting does nothing.
        await File.WriteAllTextAsync(configPath, string.Create(CultureInfo.InvariantCulture, $"""
            user {Environment.UserName}
            allow_anonymous true
            persistence false
            log_dest stderr
            listener {port} 127.0.0.1
            """) + tlsListener).ConfigureAwait(false);
        ChildProcess process = ChildProcess.Start(mosquittoPath, ["-c", configPath]);
        MosquittoBroker broker = new(process, directory, mosquittoPath, port, certificates, tlsPort);
        try
        {
            await Eventually.UntilAsync(
                async () => process.HasExited || (await FreeTcpPort.AcceptsConnectionsAsync(port).ConfigureAwait(false) && (tlsPort is not { } secure || await FreeTcpPort.AcceptsConnectionsAsync(secure).ConfigureAwait(false))),
                TestTimeouts.Process,
                $"mosquitto to accept connections on port {port}").ConfigureAwait(false);
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
