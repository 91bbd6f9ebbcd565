using Esp32Client.Core;
using Esp32Client.Simulator.Display;
using Esp32Client.Simulator.Networking;

namespace Esp32Client.Simulator.Hosting;

/// <summary>
/// One simulated board: the firmware's core wired as the board's Program.cs wires it, with the PC's adapters
/// (an MQTTnet connection, the console for the LED and the log, the PC's network).
/// </summary>
public sealed class SimulatedBoard : IDisposable
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(15);

    private readonly ILog _log;
    private readonly IMqttConnection _mqtt;
    private readonly LedDevice _device;
    private readonly ConnectionSupervisor _supervisor;
    private readonly SimulatedRebooter _rebooter = new();
    private readonly Thread _supervisorThread;

    /// <summary>Builds the board; nothing runs until <see cref="Start"/>.</summary>
    public SimulatedBoard(SimulatorOptions options, string deviceId, ConsoleView view)
    {
        _log = new ConsoleLog(view);
        var clock = new SystemClock(_log);
        var topics = new DeviceTopics(deviceId);
        var policy = new ConnectionPolicy();
        SimulatedHealth health;
        if (options.FindsBroker)
        {
            // As a board with BrokerHost left empty: find the broker on the network at the first connect.
            var discoveryPolicy = new DiscoveryPolicy();
            var choice = new BrokerChoice(options.BrokerName, "--broker-name", "--broker", _log);
            var finder = new BrokerFinder(new UdpMulticastDnsChannel(_log), clock, choice, _log, discoveryPolicy);
            var discovering = new DiscoveringMqttConnection(finder, new MqttNetConnectionFactory(options.Username, options.Password, _log), discoveryPolicy, _log);
            _mqtt = discovering;
            health = new SimulatedHealth(() => discovering.Broker is { } found ? (found.Address, found.Port) : null);
        }
        else
        {
            BrokerCertificateCheck? tls = options.Tls ? new BrokerCertificateCheck(options.Broker, options.CaFile) : null;
            _mqtt = new MqttNetConnection(options.Broker, options.Port, options.Username, options.Password, _log, tls);
            health = new SimulatedHealth(() => (options.Broker, options.Port));
        }

        var led = new LedController(new ConsoleLed(view), clock);
        _device = new LedDevice(topics, led, _mqtt, clock, health, _log, options.TelemetrySeconds * 1000, FirmwareInfo.Version);
        var request = new MqttConnectRequest(deviceId, options.Username, options.Password, topics.Status, DevicePayloads.OfflineText, policy.KeepAliveSeconds);
        _supervisor = new ConnectionSupervisor(new LocalNetworkLink(), _mqtt, request, _device, clock, _rebooter, _log, policy, new Random());
        _supervisorThread = new Thread(_supervisor.Run) { IsBackground = true, Name = "Connection supervisor" };
    }

    /// <summary>Completes when the firmware asks to reboot (after too long offline).</summary>
    public Task RebootRequested => _rebooter.Requested;

    /// <summary>Starts the connection supervisor on its own thread, as on the board.</summary>
    public void Start()
    {
        _supervisorThread.Start();
    }

    /// <summary>Stops the board cleanly: status <c>offline</c>, then DISCONNECT, so the broker does not use the will.</summary>
    public void Shutdown()
    {
        _supervisor.Stop();
        _device.Shutdown();
        if (!_supervisorThread.Join(s_stopTimeout))
        {
            _log.Write("The connection supervisor did not stop in time.");
        }
    }

    /// <summary>Drops the connection without a word, as a board losing power does: the broker publishes the will.</summary>
    public void Dispose()
    {
        _supervisor.Stop();
        (_mqtt as IDisposable)?.Dispose();
    }
}
