namespace Esp32Client.Core
{
    /// <summary>
    /// The topics of one board (README, "The device contract"), built once so that publishing reuses the same strings.
    /// </summary>
    public sealed class DeviceTopics
    {
        /// <summary>The topic every board subscribes to: one message reaches them all.</summary>
        public const string AllBoardsLed = "led";

        /// <summary>Start of every board-specific topic.</summary>
        public const string Prefix = "esp32/";

        /// <summary>Builds the topics of the board <paramref name="deviceId"/>.</summary>
        public DeviceTopics(string deviceId)
        {
            DeviceId = deviceId;
            string root = Prefix + deviceId + "/";
            Led = root + "led";
            LedState = Led + "/state";
            Status = root + "status";
            Error = root + "error";
            Telemetry = root + "telemetry";
            Commands = new string[] { AllBoardsLed, Led };
            CommandsAndState = new string[] { AllBoardsLed, Led, LedState };
            StateOnly = new string[] { LedState };
        }

        /// <summary>The board's id.</summary>
        public string DeviceId { get; }

        /// <summary><c>esp32/&lt;id&gt;/led</c>: commands for this board only.</summary>
        public string Led { get; }

        /// <summary><c>esp32/&lt;id&gt;/led/state</c>: retained <c>on</c>, <c>off</c> or <c>blinking</c>.</summary>
        public string LedState { get; }

        /// <summary><c>esp32/&lt;id&gt;/status</c>: retained <c>online</c>, or <c>offline</c> (also the last will).</summary>
        public string Status { get; }

        /// <summary><c>esp32/&lt;id&gt;/error</c>: one line about a rejected command.</summary>
        public string Error { get; }

        /// <summary><c>esp32/&lt;id&gt;/telemetry</c>: periodic JSON health report.</summary>
        public string Telemetry { get; }

        /// <summary>The command topics: <c>led</c> and <c>esp32/&lt;id&gt;/led</c>.</summary>
        public string[] Commands { get; }

        /// <summary>The command topics and the state topic, subscribed together while the state is restored.</summary>
        public string[] CommandsAndState { get; }

        /// <summary>Just the state topic, unsubscribed once the state is restored.</summary>
        public string[] StateOnly { get; }

        /// <summary>True when <paramref name="topic"/> carries commands for this board.</summary>
        public bool IsCommandTopic(string topic)
        {
            return topic == AllBoardsLed || topic == Led;
        }
    }
}
