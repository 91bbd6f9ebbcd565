using System.Text;

namespace Esp32Client.Core
{
    /// <summary>
    /// The board's behaviour on MQTT (README, "The device contract"): obeys commands on <c>led</c> and
    /// <c>esp32/&lt;id&gt;/led</c>, reports its state, status and telemetry, answers bad commands on
    /// <c>esp32/&lt;id&gt;/error</c>, announces itself to Home Assistant if asked to, and after a boot restores the LED
    /// from its own retained state unless a command comes first. Steady-state commands allocate nothing: payloads are parsed as bytes and published from cached
    /// topics and payloads.
    /// </summary>
    public sealed class LedDevice : IConnectionListener
    {
        /// <summary>
        /// How long to wait after subscribing for the retained state to arrive. Brokers send retained messages right
        /// after the SUBACK (MQTT 3.1.1, section 3.3.1.3), so on a LAN this is generous.
        /// </summary>
        public const int RestoreWindowMilliseconds = 2000;

        private readonly object _sync = new object();
        private readonly DeviceTopics _topics;
        private readonly LedController _led;
        private readonly IMqttConnection _mqtt;
        private readonly IClock _clock;
        private readonly IDeviceHealth _health;
        private readonly ILog _log;
        private readonly IOneShotTimer _restoreTimer;
        private readonly IOneShotTimer _telemetryTimer;
        private readonly int _telemetryPeriodMilliseconds;
        private readonly string _firmware;
        private readonly HomeAssistantDiscoveryMessage? _discovery;
        private readonly long _startedAt;
        private bool _restorePending = true;
        private bool _connected;

        /// <summary>
        /// Creates the device; it acts once <see cref="OnConnected"/> is called. With a <paramref name="discovery"/>
        /// message, every connection also announces the board to Home Assistant.
        /// </summary>
        public LedDevice(
            DeviceTopics topics,
            LedController led,
            IMqttConnection mqtt,
            IClock clock,
            IDeviceHealth health,
            ILog log,
            int telemetryPeriodMilliseconds,
            string firmware,
            HomeAssistantDiscoveryMessage? discovery)
        {
            _topics = topics;
            _led = led;
            _mqtt = mqtt;
            _clock = clock;
            _health = health;
            _log = log;
            _telemetryPeriodMilliseconds = telemetryPeriodMilliseconds;
            _firmware = firmware;
            _discovery = discovery;
            _startedAt = clock.NowMilliseconds;
            _restoreTimer = clock.CreateTimer(OnRestoreWindowElapsed);
            _telemetryTimer = clock.CreateTimer(OnTelemetryDue);
            _mqtt.MessageReceived += OnMessageReceived;
            _led.BlinkFinished += OnBlinkFinished;
        }

        /// <summary>
        /// Announces the board, subscribes, reports (or first restores) the LED state and its telemetry, and publishes
        /// its Home Assistant configuration (retained, so Home Assistant finds it whenever it starts).
        /// </summary>
        public void OnConnected()
        {
            lock (_sync)
            {
                _connected = true;
                Publish(_topics.Status, DevicePayloads.Online, true);
                if (_restorePending)
                {
                    _mqtt.Subscribe(_topics.CommandsAndState);
                    _restoreTimer.Start(RestoreWindowMilliseconds);
                }
                else
                {
                    _mqtt.Subscribe(_topics.Commands);
                    PublishState();
                }

                PublishTelemetry();
                _telemetryTimer.Start(_telemetryPeriodMilliseconds);
                if (_discovery != null)
                {
                    Publish(_discovery.Topic, _discovery.Payload, true);
                }
            }
        }

        /// <summary>Stops the periodic reports until the next connection.</summary>
        public void OnDisconnected()
        {
            lock (_sync)
            {
                _connected = false;
                _restoreTimer.Stop();
                _telemetryTimer.Stop();
            }
        }

        /// <summary>Disconnects cleanly: publishes <c>offline</c> (retained), then sends DISCONNECT so the will is not used.</summary>
        public void Shutdown()
        {
            lock (_sync)
            {
                Publish(_topics.Status, DevicePayloads.Offline, true);
                _connected = false;
                _restoreTimer.Stop();
                _telemetryTimer.Stop();
            }

            _mqtt.Disconnect();
        }

        private void OnMessageReceived(string topic, byte[] payload)
        {
            lock (_sync)
            {
                if (topic == _topics.LedState)
                {
                    if (_restorePending)
                    {
                        RestoreFrom(payload);
                    }

                    return;
                }

                if (!_topics.IsCommandTopic(topic))
                {
                    return;
                }

                Command command;
                string error;
                if (!CommandParser.TryParse(payload, out command, out error))
                {
                    _log.Write("Rejected a command on " + topic + ": " + error);
                    Publish(_topics.Error, Encoding.UTF8.GetBytes(error), false);
                    return;
                }

                if (_restorePending && command.Kind != CommandKind.Query)
                {
                    // A command that arrives before the retained state wins (README, "The device contract").
                    FinishRestore();
                }

                Apply(command);
            }
        }

        private void Apply(Command command)
        {
            switch (command.Kind)
            {
                case CommandKind.On:
                    _led.Set(true);
                    break;
                case CommandKind.Off:
                    _led.Set(false);
                    break;
                case CommandKind.Toggle:
                    _led.Toggle();
                    break;
                case CommandKind.Blink:
                    _led.Blink(command.BlinkCount, command.BlinkIntervalMilliseconds);
                    break;
            }

            PublishState();
        }

        private void RestoreFrom(byte[] payload)
        {
            int start = AsciiBytes.SkipWhitespace(payload, 0, payload.Length);
            int end = AsciiBytes.TrimEnd(payload, start, payload.Length);
            if (AsciiBytes.EqualsIgnoreCase(payload, start, end, DevicePayloads.OnText))
            {
                _led.Set(true);
                _log.Write("Restored the LED to on from its retained state.");
            }
            else if (AsciiBytes.EqualsIgnoreCase(payload, start, end, DevicePayloads.OffText))
            {
                _led.Set(false);
                _log.Write("Restored the LED to off from its retained state.");
            }
            else
            {
                // 'blinking' (the board restarted mid-blink) or a foreign payload: nothing to return to.
                _log.Write("The retained state is not on or off: the LED stays off.");
            }

            FinishRestore();
            PublishState();
        }

        private void FinishRestore()
        {
            _restorePending = false;
            _restoreTimer.Stop();
            _mqtt.Unsubscribe(_topics.StateOnly);
        }

        private void OnRestoreWindowElapsed(object? state)
        {
            lock (_sync)
            {
                if (_restorePending && _connected)
                {
                    _log.Write("No retained state on the broker: the LED stays as it is.");
                    FinishRestore();
                    PublishState();
                }
            }
        }

        private void OnBlinkFinished()
        {
            lock (_sync)
            {
                PublishState();
            }
        }

        private void OnTelemetryDue(object? state)
        {
            lock (_sync)
            {
                if (_connected)
                {
                    PublishTelemetry();
                    _telemetryTimer.Start(_telemetryPeriodMilliseconds);
                }
            }
        }

        private void PublishState()
        {
            byte[] payload = _led.IsBlinking ? DevicePayloads.Blinking : _led.IsOn ? DevicePayloads.On : DevicePayloads.Off;
            Publish(_topics.LedState, payload, true);
        }

        private void PublishTelemetry()
        {
            long uptimeSeconds = (_clock.NowMilliseconds - _startedAt) / 1000;
            string report = TelemetryReport.Format(uptimeSeconds, _health.FreeHeapBytes, _health.WifiRssiDbm, _health.IpAddress, _firmware);
            Publish(_topics.Telemetry, Encoding.UTF8.GetBytes(report), false);
        }

        /// <summary>
        /// Publishes only while connected: a publish while disconnected would queue in the client until the heap
        /// runs out (NANOFRAMEWORK.md, "Publishing while disconnected"). The connection refuses too, for the moment
        /// before the supervisor notices.
        /// </summary>
        private void Publish(string topic, byte[] payload, bool retain)
        {
            if (_connected)
            {
                _mqtt.Publish(topic, payload, retain);
            }
        }
    }
}
