namespace Esp32Client.Core
{
    /// <summary>
    /// One board, composed once from its settings and its parts: the LED, the device's behaviour on MQTT and the
    /// connection supervisor. The firmware's Program.cs, the simulator and the tests all build the board through this
    /// class, so each runs exactly the same core.
    /// </summary>
    public sealed class Board
    {
        private const int MillisecondsPerSecond = 1000;

        private readonly ILog _log;
        private readonly string[] _bootReport;

        /// <summary>Composes the board; nothing runs and nothing touches the network until <see cref="Run"/>.</summary>
        public Board(BoardSettings settings, BoardParts parts)
        {
            _log = parts.Log;
            Topics = new DeviceTopics(settings.DeviceId);
            ConnectionPolicy policy = new ConnectionPolicy();
            policy.OfflineRebootMilliseconds = settings.OfflineRebootMinutes * ConnectionPolicy.MillisecondsPerMinute;
            HomeAssistantDiscoveryMessage? discovery = settings.HomeAssistantDiscovery
                ? new HomeAssistantDiscoveryMessage(Topics, FirmwareInfo.Version)
                : null;
            Led = new LedController(parts.LedOutput, parts.Clock);
            Device = new LedDevice(
                Topics,
                Led,
                parts.Mqtt,
                parts.Clock,
                parts.Health,
                parts.Log,
                settings.TelemetryPeriodSeconds * MillisecondsPerSecond,
                FirmwareInfo.Version,
                discovery);
            MqttConnectRequest request = new MqttConnectRequest(
                settings.DeviceId,
                settings.UserName,
                settings.Password,
                Topics.Status,
                DevicePayloads.OfflineText,
                policy.KeepAliveSeconds);
            Supervisor = new ConnectionSupervisor(
                parts.Network,
                parts.Mqtt,
                request,
                Device,
                parts.Clock,
                parts.Rebooter,
                parts.Log,
                policy,
                parts.Random);
            _bootReport = BootReport.Lines(settings, Topics, policy, discovery);
        }

        /// <summary>The board's topics.</summary>
        public DeviceTopics Topics { get; }

        /// <summary>The LED and its blinking.</summary>
        public LedController Led { get; }

        /// <summary>The board's behaviour on MQTT.</summary>
        public LedDevice Device { get; }

        /// <summary>What keeps the board connected; tests step it by hand.</summary>
        public ConnectionSupervisor Supervisor { get; }

        /// <summary>
        /// Logs the boot report, then keeps the board connected until <see cref="Stop"/>. Run it on a thread of its own:
        /// joining the network and connecting block, and must not hold up the LED's timers or the MQTT client's thread.
        /// </summary>
        public void Run()
        {
            for (int index = 0; index < _bootReport.Length; index++)
            {
                _log.Write(_bootReport[index]);
            }

            Supervisor.Run();
        }

        /// <summary>Makes <see cref="Run"/> return after its current step; the connection is left as it is.</summary>
        public void Stop()
        {
            Supervisor.Stop();
        }

        /// <summary>Stops and disconnects cleanly: status <c>offline</c> (retained), then DISCONNECT, so the will is not used.</summary>
        public void Shutdown()
        {
            Supervisor.Stop();
            Device.Shutdown();
        }
    }
}
