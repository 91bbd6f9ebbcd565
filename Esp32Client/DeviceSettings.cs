using Esp32Client.Core;

namespace Esp32Client
{
    /// <summary>
    /// The one file to edit before deploying: where the broker is, how to log in, how the LED is wired and the timings.
    /// WiFi credentials are not here: store them on the board with nanoff --networkdeployment (README, "Flash
    /// nanoFramework and store your WiFi network"), or see WifiSecrets.template.cs.
    /// </summary>
    public static class DeviceSettings
    {
        /// <summary>
        /// Empty: the board finds the broker on the network by itself (the broker advertises itself; DNS-SD). Or the
        /// broker's address as the board sees it: your PC's LAN address, which the broker prints when it starts; set
        /// it when finding does not work (a network that blocks multicast) or for a broker elsewhere. Never "localhost"
        /// or "127.0.0.1": on the board those mean the board itself, and the firmware refuses them.
        /// </summary>
        public const string BrokerHost = "";

        /// <summary>
        /// With <see cref="BrokerHost"/> empty and several brokers on the network (a classroom): the name of the one to use,
        /// as its banner shows it, such as "esp32mqtt on DESKTOP-42"; empty takes the first by name.
        /// </summary>
        public const string BrokerName = "";

        /// <summary>
        /// The broker's port with <see cref="BrokerHost"/> set: 1883 (the default) for plain MQTT; 8883 is the usual port
        /// when <see cref="UseTls"/> is true. A broker found on the network says its own port.
        /// </summary>
        public const int BrokerPort = BoardSettings.DefaultBrokerPort;

        /// <summary>The user name for the broker, or empty for anonymous access.</summary>
        public const string BrokerUserName = "";

        /// <summary>The password for the broker, or empty.</summary>
        public const string BrokerPassword = "";

        // static readonly rather than const: code that branches on a const bool gets "unreachable code" warnings.

        /// <summary>
        /// True to connect over TLS (set <see cref="BrokerPort"/> to 8883), e.g. to a hosted broker. Joining WiFi then
        /// also waits for the clock to be set over the internet, which checking the certificate needs.
        /// </summary>
        public static readonly bool UseTls = false;

        /// <summary>
        /// With <see cref="UseTls"/>: the PEM text of the CA certificate that signed the broker's certificate
        /// ("-----BEGIN CERTIFICATE-----" ... "-----END CERTIFICATE-----", e.g. in a verbatim @"..." string), or empty
        /// to use the root certificates stored on the device.
        /// </summary>
        public const string BrokerCaCertificatePem = "";

        /// <summary>
        /// The GPIO pin of the LED: GPIO 2 (the default) is the onboard LED of most ESP32 DevKit V1 boards; some boards
        /// use 4, 5 or 13, and some have no user LED at all (README, "Hardware"). Write the number to use another.
        /// </summary>
        public const int LedPin = BoardSettings.DefaultLedPin;

        /// <summary>True for an LED that lights when its pin is low; the DevKit's onboard LED lights when it is high.</summary>
        public static readonly bool LedActiveLow = false;

        /// <summary>How often the board publishes its telemetry, in seconds (60 by default).</summary>
        public const int TelemetryPeriodSeconds = BoardSettings.DefaultTelemetryPeriodSeconds;

        /// <summary>How long the board may stay without the broker before it reboots itself, in minutes (10 by default).</summary>
        public const int OfflineRebootTimeoutMinutes = BoardSettings.DefaultOfflineRebootMinutes;

        /// <summary>
        /// True to announce the board to Home Assistant on every connection, so that it appears there as a light by
        /// itself (retained on homeassistant/light/&lt;id&gt;/config); false to publish nothing outside esp32/&lt;id&gt;/.
        /// </summary>
        public static readonly bool HomeAssistantDiscovery = true;
    }
}
