using System.Globalization;
using Esp32Mqtt.TestSupport;

namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>A broker for the end-to-end tests, as a real process on a loopback port that survives a restart.</summary>
public sealed class BrokerUnderTest : IDisposable
{
    private readonly TemporaryDirectory _dataDirectory = new();
    private BrokerProcess? _ours;
    private MosquittoBroker? _mosquitto;

    private BrokerUnderTest(BrokerKind kind)
    {
        Kind = kind;
    }

    /// <summary>Which broker this is.</summary>
    public BrokerKind Kind { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port => _ours?.Port ?? _mosquitto!.Port;

    /// <summary>What the broker has printed so far (its log).</summary>
    public IReadOnlyList<string> LogLines => _ours?.Process.OutputLines ?? _mosquitto!.LogLines;

    /// <summary>Starts the broker on a free port. Mosquitto tests skip (or fail in CI) when it is not installed.</summary>
    public static async Task<BrokerUnderTest> StartAsync(BrokerKind kind)
    {
        BrokerUnderTest broker = new(kind);
        if (kind == BrokerKind.Mosquitto)
        {
            broker._mosquitto = await Mosquitto.StartBrokerAsync().ConfigureAwait(false);
        }
        else
        {
            broker._ours = await broker.StartOursAsync(0).ConfigureAwait(false);
        }

        return broker;
    }

    /// <summary>
    /// Restarts the broker on the same port: ours stops cleanly (SIGTERM) and keeps its retained messages;
    /// Mosquitto is killed and starts empty.
    /// </summary>
    public async Task RestartAsync()
    {
        if (_mosquitto is not null)
        {
            _mosquitto = await _mosquitto.RestartAsync().ConfigureAwait(false);
            return;
        }

        int port = _ours!.Port;
        _ours.Process.Terminate();
        await _ours.Process.WaitForExitAsync(TestTimeouts.Process).ConfigureAwait(false);
        _ours.Dispose();
        _ours = await StartOursAsync(port).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _ours?.Dispose();
        _mosquitto?.Dispose();
        _dataDirectory.Dispose();
    }

    private Task<BrokerProcess> StartOursAsync(int port)
    {
        return BrokerProcess.StartAsync(
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--data", _dataDirectory.FullPath);
    }
}
