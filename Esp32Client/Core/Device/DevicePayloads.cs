using System.Text;

namespace Esp32Client.Core
{
    /// <summary>
    /// The fixed payloads the board publishes, encoded once at start so that reporting a state allocates nothing.
    /// </summary>
    public static class DevicePayloads
    {
        /// <summary>LED state: on.</summary>
        public const string OnText = "on";

        /// <summary>LED state: off.</summary>
        public const string OffText = "off";

        /// <summary>LED state while a blink runs.</summary>
        public const string BlinkingText = "blinking";

        /// <summary>Status once connected.</summary>
        public const string OnlineText = "online";

        /// <summary>Status before a clean disconnect, and the last will.</summary>
        public const string OfflineText = "offline";

        /// <summary><see cref="OnText"/> as UTF-8.</summary>
        public static readonly byte[] On = Encoding.UTF8.GetBytes(OnText);

        /// <summary><see cref="OffText"/> as UTF-8.</summary>
        public static readonly byte[] Off = Encoding.UTF8.GetBytes(OffText);

        /// <summary><see cref="BlinkingText"/> as UTF-8.</summary>
        public static readonly byte[] Blinking = Encoding.UTF8.GetBytes(BlinkingText);

        /// <summary><see cref="OnlineText"/> as UTF-8.</summary>
        public static readonly byte[] Online = Encoding.UTF8.GetBytes(OnlineText);

        /// <summary><see cref="OfflineText"/> as UTF-8.</summary>
        public static readonly byte[] Offline = Encoding.UTF8.GetBytes(OfflineText);
    }
}
