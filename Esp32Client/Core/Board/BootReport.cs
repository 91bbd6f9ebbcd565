namespace Esp32Client.Core
{
    /// <summary>
    /// The block a board logs once at boot, as ESPHome's <c>dump_config</c> does: everything it will act on, so that a
    /// wrong broker address, pin or topic shows in the first lines of the log rather than as silence later.
    /// </summary>
    public static class BootReport
    {
        private const string Indent = "  ";

        /// <summary>The report's lines, first line unindented; it never contains the password.</summary>
        public static string[] Lines(BoardSettings settings, DeviceTopics topics, ConnectionPolicy policy, HomeAssistantDiscoveryMessage? discovery)
        {
            return new string[]
            {
                "Esp32Client " + FirmwareInfo.Version + " on board " + settings.DeviceId,
                Indent + "Broker: " + Address(settings) + ", " + Transport(settings) + ", " + Login(settings),
                Indent + "LED: GPIO " + settings.LedPin.ToString() + ", on when the pin is " + (settings.LedActiveLow ? "low" : "high"),
                Indent + "Commands on: " + DeviceTopics.AllBoardsLed + ", " + topics.Led,
                Indent + "Reports on: " + topics.Status + ", " + topics.LedState + ", " + topics.Error + ", " + topics.Telemetry,
                Indent + "Keep-alive: " + policy.KeepAliveSeconds.ToString() + " s; retries after " + Seconds(policy.RetryInitialMilliseconds)
                    + " doubling to " + Seconds(policy.RetryMaximumMilliseconds) + "; reboots after "
                    + (policy.OfflineRebootMilliseconds / ConnectionPolicy.MillisecondsPerMinute).ToString() + " min offline",
                Indent + "Telemetry: every " + settings.TelemetryPeriodSeconds.ToString() + " s",
                Indent + "Home Assistant discovery: " + (discovery == null ? "off" : discovery.Topic),
            };
        }

        private static string Address(BoardSettings settings)
        {
            return BrokerAddress.IsFoundOnNetwork(settings.BrokerHost)
                ? "found on the network (DNS-SD _mqtt._tcp)"
                : settings.BrokerHost + ":" + settings.BrokerPort.ToString();
        }

        private static string Transport(BoardSettings settings)
        {
            if (!settings.UseTls)
            {
                return "no TLS";
            }

            return settings.CaCertificatePem.Length > 0
                ? "TLS checked against the CA certificate in the settings"
                : "TLS checked against the device's own root certificates";
        }

        private static string Login(BoardSettings settings)
        {
            return settings.UserName.Length > 0 ? "user " + settings.UserName : "anonymous";
        }

        private static string Seconds(int milliseconds)
        {
            return (milliseconds / 1000).ToString() + " s";
        }
    }
}
