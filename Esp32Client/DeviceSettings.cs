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
        /// The broker's address as the board sees it: your PC's LAN address, which the broker prints when it starts.
        /// Never "localhost" or "127.0.0.1": on the board those mean the board itself, and the firmware refuses them.
        /// </summary>
        public const string BrokerHost = "192.168.1.10";

        /// <summary>
        /// The broker's port: 1883 (the default) for plain MQTT; 8883 is the usual port when <see cref="UseTls"/> is
        /// true. Write the number to use another.
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
