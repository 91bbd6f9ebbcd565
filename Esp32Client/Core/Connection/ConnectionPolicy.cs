namespace Esp32Client.Core
{
    /// <summary>The timings of <see cref="ConnectionSupervisor"/>, defaulted to the device contract (README, "The device contract").</summary>
    public sealed class ConnectionPolicy
    {
        /// <summary>Milliseconds in a minute, for settings given in minutes.</summary>
        public const int MillisecondsPerMinute = 60 * 1000;

        /// <summary>MQTT keep-alive: a dead link is noticed within about 1.5 times this (MQTT 3.1.1, section 3.1.2.10).</summary>
        public int KeepAliveSeconds { get; set; } = 15;

        /// <summary>First delay before retrying the broker.</summary>
        public int RetryInitialMilliseconds { get; set; } = 1000;

        /// <summary>Largest delay before retrying the broker or the network.</summary>
        public int RetryMaximumMilliseconds { get; set; } = 30000;

        /// <summary>How long one attempt to join the network may take.</summary>
        public int NetworkJoinTimeoutMilliseconds { get; set; } = 30000;

        /// <summary>How often the link is checked while connected (WiFi drops raise no MQTT error until a send fails).</summary>
        public int LinkCheckMilliseconds { get; set; } = 5000;

        /// <summary>Reboot the board after this long without a broker connection (ESPHome's <c>reboot_timeout</c>).</summary>
        public int OfflineRebootMilliseconds { get; set; } = BoardSettings.DefaultOfflineRebootMinutes * MillisecondsPerMinute;
    }
}
