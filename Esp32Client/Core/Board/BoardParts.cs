using System;

namespace Esp32Client.Core
{
    /// <summary>
    /// The parts a <see cref="Board"/> is composed from that differ between the ESP32, the simulator and the tests: the
    /// hardware and the network behind their small interfaces.
    /// </summary>
    public sealed class BoardParts
    {
        /// <summary>Collects the parts; the jitter of the retry delays comes from a new <see cref="System.Random"/>.</summary>
        public BoardParts(
            ILog log,
            IClock clock,
            ILedOutput ledOutput,
            INetworkLink network,
            IMqttConnection mqtt,
            IDeviceHealth health,
            IRebooter rebooter)
        {
            Log = log;
            Clock = clock;
            LedOutput = ledOutput;
            Network = network;
            Mqtt = mqtt;
            Health = health;
            Rebooter = rebooter;
        }

        /// <summary>Where the log lines go.</summary>
        public ILog Log { get; }

        /// <summary>Time and timers.</summary>
        public IClock Clock { get; }

        /// <summary>The LED.</summary>
        public ILedOutput LedOutput { get; }

        /// <summary>The network link (WiFi on the board).</summary>
        public INetworkLink Network { get; }

        /// <summary>The connection to the broker.</summary>
        public IMqttConnection Mqtt { get; }

        /// <summary>The readings telemetry reports.</summary>
        public IDeviceHealth Health { get; }

        /// <summary>What restarts the board after too long offline.</summary>
        public IRebooter Rebooter { get; }

        /// <summary>The source of the retry delays' jitter; a fixed seed makes a test repeatable.</summary>
        public Random Random { get; set; } = new Random();
    }
}
