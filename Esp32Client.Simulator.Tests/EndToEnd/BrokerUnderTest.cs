using System.Globalization;
using Esp32Mqtt.Broker.Certificates;
using Esp32Mqtt.TestSupport;

namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>
/// A broker for the end-to-end tests, as a real process on loopback ports that survive a restart; with TLS, it also
/// listens for TLS with the certificates make-certificates made. RabbitMQ is the collection's shared node.
/// </summary>
public sealed class BrokerUnderTest : IDisposable
{
    private readonly TemporaryDirectory _dataDirectory = new();
    private readonly bool _tls;
    private BrokerProcess? _ours;
    private MosquittoBroker? _mosquitto;
    private RabbitMqBroker? _rabbitMq;

    private BrokerUnderTest(BrokerKind kind, bool tls)
    {
        Kind = kind;
        _tls = tls;
    }

    /// <summary>Which broker this is.</summary>
    public BrokerKind Kind { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port => _ours?.Port ?? _mosquitto?.Port ?? _rabbitMq!.Port;

    /// <summary>The loopback port it listens on for TLS (started with TLS only).</summary>
    public int TlsPort => (_ours?.TlsPort ?? _mosquitto?.TlsPort ?? _rabbitMq?.TlsPort) ?? throw new InvalidOperationException("This broker was started without TLS.");

    /// <summary>The certificate authority that signed its TLS certificate, as make-certificates wrote it.</summary>
    public string AuthorityCertificateFile => (_rabbitMq?.Certificates ?? CertificateFiles.In(_dataDirectory.FullPath)).AuthorityCertificate;

    /// <summary>What the broker has printed so far (its log).</summary>
    public IReadOnlyList<string> LogLines => _ours?.Process.OutputLines ?? _mosquitto?.LogLines ?? _rabbitMq!.LogLines;

    /// <summary>
    /// Starts the broker on a free port, and with <paramref name="tls"/> a TLS listener too. Mosquitto and RabbitMQ tests
    /// skip (or fail in CI) when the broker is not installed; RabbitMQ is <paramref name="rabbitMq"/>'s shared node.
    /// </summary>
    public static async Task<BrokerUnderTest> StartAsync(BrokerKind kind, RabbitMqFixture? rabbitMq = null, bool tls = false)
    {
        BrokerUnderTest broker = new(kind, tls);
        CertificateFiles? certificates = tls && kind != BrokerKind.RabbitMq ? TestCertificates.MakeIn(broker._dataDirectory.FullPath) : null;
        switch (kind)
        {
            case BrokerKind.Mosquitto:
                broker._mosquitto = await Mosquitto.StartBrokerAsync(certificates).ConfigureAwait(false);
                break;
            case BrokerKind.RabbitMq:
                RabbitMqFixture fixture = rabbitMq ?? throw new ArgumentNullException(nameof(rabbitMq), "RabbitMQ tests belong to the RabbitMQ collection.");
                broker._rabbitMq = await fixture.GetAsync().ConfigureAwait(false);
                break;
            default:
                broker._ours = await broker.StartOursAsync(0, 0).ConfigureAwait(false);
                break;
        }

        return broker;
    }

    /// <summary>
    /// Restarts the broker on the same ports: ours stops cleanly (SIGTERM) and keeps its retained messages; so does
    /// RabbitMQ; Mosquitto is killed and starts empty.
    /// </summary>
    public async Task RestartAsync()
    {
        if (_mosquitto is not null)
        {
            _mosquitto = await _mosquitto.RestartAsync().ConfigureAwait(false);
            return;
        }

        if (_rabbitMq is not null)
        {
            await _rabbitMq.RestartAsync().ConfigureAwait(false);
            return;
        }

        int port = _ours!.Port;
        int tlsPort = _ours.TlsPort ?? 0;
        _ours.Process.Terminate();
        await _ours.Process.WaitForExitAsync(TestTimeouts.Process).ConfigureAwait(false);
        _ours.Dispose();
        _ours = await StartOursAsync(port, tlsPort).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _ours?.Dispose();
        _mosquitto?.Dispose();
        _dataDirectory.Dispose();
    }

    private Task<BrokerProcess> StartOursAsync(int port, int tlsPort)
    {
        return BrokerProcess.StartAsync(
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--tls-port", tlsPort.ToString(CultureInfo.InvariantCulture),
            "--Broker:Tls:Enabled=" + (_tls ? "true" : "false"),
            "--bind", "127.0.0.1",
            "--data", _dataDirectory.FullPath);
    }
}
