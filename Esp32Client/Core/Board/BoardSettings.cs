namespace Esp32Client.Core
{
    /// <summary>
    /// What one board runs with: who it is, where its broker is, how its LED is wired and how often it reports. The
    /// defaults are the device contract's and live only here; the board fills the rest in from DeviceSettings.cs, the
    /// simulator from its command line.
    /// </summary>
    public sealed class BoardSettings
    {
        /// <summary>The MQTT port without TLS (IANA's registration for MQTT, used by every broker by default).</summary>
        public const int DefaultBrokerPort = 1883;

        /// <summary>The GPIO of the onboard LED on the common ESP32 DevKit V1 boards (README, "Hardware").</summary>
        public const int DefaultLedPin = 2;

        /// <summary>How often telemetry is published, in seconds.</summary>
        public const int DefaultTelemetryPeriodSeconds = 60;

        /// <summary>How long the board may stay without the broker before it reboots itself, in minutes.</summary>
        public const int DefaultOfflineRebootMinutes = 10;

        /// <summary>Creates the settings of the board <paramref name="deviceId"/>, everything else at its default.</summary>
        public BoardSettings(string deviceId)
        {
            DeviceId = deviceId;
        }

        /// <summary>The board's id: its MQTT client id and the middle of its topics (<c>esp32/&lt;id&gt;/...</c>).</summary>
        public string DeviceId { get; }

        /// <summary>The broker's host name or address as the board sees it.</summary>
        public string BrokerHost { get; set; } = string.Empty;

        /// <summary>The broker's TCP port.</summary>
        public int BrokerPort { get; set; } = DefaultBrokerPort;

        /// <summary>The user name for the broker, or empty for anonymous access.</summary>
        public string UserName { get; set; } = string.Empty;

        /// <summary>The password for the broker, or empty.</summary>
        public string Password { get; set; } = string.Empty;

        /// <summary>True to connect over TLS.</summary>
        public bool UseTls { get; set; }

        /// <summary>With <see cref="UseTls"/>: the PEM text of the broker's CA certificate, or empty for the device's own roots.</summary>
        public string CaCertificatePem { get; set; } = string.Empty;

        /// <summary>The GPIO pin of the LED.</summary>
        public int LedPin { get; set; } = DefaultLedPin;

        /// <summary>True for an LED that lights when its pin is low.</summary>
        public bool LedActiveLow { get; set; }

        /// <summary>Seconds between telemetry messages.</summary>
        public int TelemetryPeriodSeconds { get; set; } = DefaultTelemetryPeriodSeconds;

        /// <summary>Minutes without the broker after which the board reboots.</summary>
        public int OfflineRebootMinutes { get; set; } = DefaultOfflineRebootMinutes;

        /// <summary>True (the default) to announce the board to Home Assistant on every connection (MQTT discovery).</summary>
        public bool HomeAssistantDiscovery { get; set; } = true;
    }
}
