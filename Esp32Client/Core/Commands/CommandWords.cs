namespace Esp32Client.Core
{
    /// <summary>The command words of the device contract (README), lowercase; matching ignores case.</summary>
    public static class CommandWords
    {
        /// <summary>Turns the LED on.</summary>
        public const string On = "on";

        /// <summary>Turns the LED on.</summary>
        public const string One = "1";

        /// <summary>Turns the LED on.</summary>
        public const string True = "true";

        /// <summary>Turns the LED off.</summary>
        public const string Off = "off";

        /// <summary>Turns the LED off.</summary>
        public const string Zero = "0";

        /// <summary>Turns the LED off.</summary>
        public const string False = "false";

        /// <summary>Flips the LED.</summary>
        public const string Toggle = "toggle";

        /// <summary>Blinks the LED, then returns to the state before.</summary>
        public const string Blink = "blink";

        /// <summary>Asks for the current state.</summary>
        public const string Query = "?";
    }
}
