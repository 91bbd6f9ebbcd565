namespace Esp32Client.Core
{
    /// <summary>A parsed command: a value type, so parsing a payload allocates nothing.</summary>
    public readonly struct Command
    {
        /// <summary>Blinks when <c>blink</c> gives no count (README, "The device contract").</summary>
        public const int DefaultBlinkCount = 3;

        /// <summary>Length of each on and each off phase when <c>blink</c> gives no interval.</summary>
        public const int DefaultBlinkIntervalMilliseconds = 250;

        /// <summary>Fewest blinks a command may ask for.</summary>
        public const int MinimumBlinkCount = 1;

        /// <summary>Most blinks a command may ask for.</summary>
        public const int MaximumBlinkCount = 100;

        /// <summary>Shortest on or off phase a command may ask for.</summary>
        public const int MinimumBlinkIntervalMilliseconds = 50;

        /// <summary>Longest on or off phase a command may ask for.</summary>
        public const int MaximumBlinkIntervalMilliseconds = 5000;

        private Command(CommandKind kind, int blinkCount, int blinkIntervalMilliseconds)
        {
            Kind = kind;
            BlinkCount = blinkCount;
            BlinkIntervalMilliseconds = blinkIntervalMilliseconds;
        }

        /// <summary>What to do.</summary>
        public CommandKind Kind { get; }

        /// <summary>How many blinks (only for <see cref="CommandKind.Blink"/>).</summary>
        public int BlinkCount { get; }

        /// <summary>Length of each on and each off phase in milliseconds (only for <see cref="CommandKind.Blink"/>).</summary>
        public int BlinkIntervalMilliseconds { get; }

        /// <summary>A command without arguments: on, off, toggle or query.</summary>
        public static Command Simple(CommandKind kind)
        {
            return new Command(kind, 0, 0);
        }

        /// <summary>A blink command; the caller has checked the ranges.</summary>
        public static Command Blink(int count, int intervalMilliseconds)
        {
            return new Command(CommandKind.Blink, count, intervalMilliseconds);
        }

        /// <summary>True when <paramref name="count"/> is an accepted number of blinks.</summary>
        public static bool IsValidBlinkCount(int count)
        {
            return count >= MinimumBlinkCount && count <= MaximumBlinkCount;
        }

        /// <summary>True when <paramref name="milliseconds"/> is an accepted blink phase length.</summary>
        public static bool IsValidBlinkInterval(int milliseconds)
        {
            return milliseconds >= MinimumBlinkIntervalMilliseconds && milliseconds <= MaximumBlinkIntervalMilliseconds;
        }
    }
}
