using Esp32Client.Core;
using Esp32Client.Simulator.Display;
using Esp32Client.Simulator.Networking;

namespace Esp32Client.Simulator.Hosting;

/// <summary>
/// One simulated board: the firmware's <see cref="Board"/>, composed exactly as on the ESP32, from the PC's parts
/// (an MQTTnet connection, the console for the LED and the log, the PC's network).
/// </summary>
public sealed class SimulatedBoard : IDisposable
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(15);

    private readonly ILog _log;
    private readonly IMqttConnection _mqtt;
    private readonly Board _board;
    private readonly SimulatedRebooter _rebooter = new();
    private readonly Thread _boardThread;

    /// <summary>Builds the board; nothing runs until <see cref="Start"/>.</summary>
    public SimulatedBoard(SimulatorOptions options, string deviceId, ConsoleView view)
    {
        _log = new ConsoleLog(view);
        BoardSettings settings = options.ToBoardSettings(deviceId);
        SimulatedHealth health;
        if (options.FindsBroker)
        {
            // As a board with BrokerHost left empty: find the broker on the network at the first connect.
            DiscoveryPolicy discoveryPolicy = new();
            BrokerChoice choice = new(options.BrokerName, "--broker-name", "--broker", _log);
            BrokerFinder finder = new(new UdpMulticastDnsChannel(_log), new SystemClock(_log), choice, _log, discoveryPolicy);
            DiscoveringMqttConnection discovering = new(finder, new MqttNetConnectionFactory(settings.UserName, settings.Password, _log), discoveryPolicy, _log);
            _mqtt = discovering;
            health = new SimulatedHealth(() => discovering.Broker is { } found ? (found.Address, found.Port) : null);
        }
        else
        {
            BrokerCertificateCheck? tls = options.Tls ? new BrokerCertificateCheck(settings.BrokerHost, options.CaFile) : null;
            _mqtt = new MqttNetConnection(settings.BrokerHost, settings.BrokerPort, settings.UserName, settings.Password, _log, tls);
            health = new SimulatedHealth(() => (settings.BrokerHost, settings.BrokerPort));
        }

        BoardParts parts = new(_log, new SystemClock(_log), new ConsoleLed(view), new LocalNetworkLink(), _mqtt, health, _rebooter);
        _board = new Board(settings, parts);
        _boardThread = new Thread(_board.Run) { IsBackground = true, Name = "Board" };
    }

    /// <summary>Completes when the firmware asks to reboot (after too long offline).</summary>
    public Task RebootRequested => _rebooter.Requested;

    /// <summary>Starts the board on its own thread, as on the ESP32: the boot report, then the connection supervisor.</summary>
    public void Start()
    {
        _boardThread.Start();
    }

    /// <summary>Stops the board cleanly: status <c>offline</c>, then DISCONNECT, so the broker does not use the will.</summary>
    public void Shutdown()
    {
        _board.Shutdown();
        if (!_boardThread.Join(s_stopTimeout))
        {
            _log.Write("The connection supervisor did not stop in time.");
        }
    }

    /// <summary>Drops the connection without a word, as a board losing power does: the broker publishes the will.</summary>
    public void Dispose()
    {
        _board.Stop();
        (_mqtt as IDisposable)?.Dispose();
    }
}
