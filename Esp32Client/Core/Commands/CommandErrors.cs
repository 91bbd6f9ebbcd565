namespace Esp32Client.Core
{
    /// <summary>
    /// The one-line replies published on <c>esp32/&lt;id&gt;/error</c>: each names what was wrong and what is accepted.
    /// Built only when a payload is bad, so the common path allocates nothing.
    /// </summary>
    public static class CommandErrors
    {
        /// <summary>The accepted text commands, quoted in every reply about text.</summary>
        public const string TextUsage = "use on, off, toggle, blink [count] [interval_ms] or ?";

        /// <summary>The accepted JSON commands, quoted in every reply about JSON.</summary>
        public const string JsonUsage = "use {\"state\":\"on\"|\"off\"|\"toggle\"} or {\"blink\":N,\"interval_ms\":MS}";

        private static readonly string s_blinkCountRange =
            "a whole number from " + Command.MinimumBlinkCount + " to " + Command.MaximumBlinkCount;

        private static readonly string s_blinkIntervalRange =
            "a whole number from " + Command.MinimumBlinkIntervalMilliseconds + " to " + Command.MaximumBlinkIntervalMilliseconds;

        /// <summary>The payload is longer than any command.</summary>
        public static string TooLong(int length, int maximum)
        {
            return "payload is too long (" + length + " bytes, at most " + maximum + "): " + TextUsage;
        }

        /// <summary>The payload is not UTF-8 text.</summary>
        public static string NotUtf8()
        {
            return "payload is not valid UTF-8 text: " + TextUsage;
        }

        /// <summary>The first word is no command.</summary>
        public static string UnknownCommand(string quotedPayload)
        {
            return "unknown command " + quotedPayload + ": " + TextUsage;
        }

        /// <summary>A command that takes no argument was given one.</summary>
        public static string UnexpectedArgument(string quotedCommand, string quotedArgument)
        {
            return "unexpected " + quotedArgument + " after " + quotedCommand + ": " + TextUsage;
        }

        /// <summary><c>blink</c> was given more than a count and an interval.</summary>
        public static string TooManyBlinkArguments(string quotedArgument)
        {
            return "unexpected " + quotedArgument + ": blink takes at most a count and an interval, blink [count] [interval_ms]";
        }

        /// <summary>The blink count is not a whole number in range.</summary>
        public static string BadBlinkCount(string quotedValue)
        {
            return "blink count must be " + s_blinkCountRange + ", got " + quotedValue;
        }

        /// <summary>The blink interval is not a whole number in range.</summary>
        public static string BadBlinkInterval(string quotedValue)
        {
            return "blink interval_ms must be " + s_blinkIntervalRange + ", got " + quotedValue;
        }

        /// <summary>The JSON text is malformed at <paramref name="position"/> (1-based byte position).</summary>
        public static string InvalidJson(int position, string expected)
        {
            return "invalid JSON at byte " + position + ", expected " + expected + ": " + JsonUsage;
        }

        /// <summary>The JSON text ends before the object is complete.</summary>
        public static string UnfinishedJson(string expected)
        {
            return "invalid JSON: the text ends where " + expected + " was expected: " + JsonUsage;
        }

        /// <summary>A JSON key is neither <c>state</c>, <c>blink</c> nor <c>interval_ms</c>.</summary>
        public static string UnknownJsonKey(string quotedKey)
        {
            return "unknown JSON key " + quotedKey + ": " + JsonUsage;
        }

        /// <summary>A JSON key appears twice.</summary>
        public static string DuplicateJsonKey(string quotedKey)
        {
            return "JSON key " + quotedKey + " appears twice: " + JsonUsage;
        }

        /// <summary>The value of <c>state</c> is not one of the words.</summary>
        public static string BadJsonState(string value)
        {
            return "\"state\" must be \"on\", \"off\" or \"toggle\", got " + value;
        }

        /// <summary>The value of <c>blink</c> is not a whole number in range.</summary>
        public static string BadJsonBlinkCount(string value)
        {
            return "\"blink\" must be " + s_blinkCountRange + ", got " + value;
        }

        /// <summary>The value of <c>interval_ms</c> is not a whole number in range.</summary>
        public static string BadJsonBlinkInterval(string value)
        {
            return "\"interval_ms\" must be " + s_blinkIntervalRange + ", got " + value;
        }

        /// <summary>The object has both <c>state</c> and <c>blink</c>.</summary>
        public static string StateAndBlink()
        {
            return "use \"state\" or \"blink\", not both: " + JsonUsage;
        }

        /// <summary>The object has neither <c>state</c> nor <c>blink</c>.</summary>
        public static string NoJsonCommand()
        {
            return "JSON command needs \"state\" or \"blink\": " + JsonUsage;
        }

        /// <summary><c>interval_ms</c> came without <c>blink</c>.</summary>
        public static string IntervalWithoutBlink()
        {
            return "\"interval_ms\" needs \"blink\": use {\"blink\":N,\"interval_ms\":MS}";
        }

        /// <summary>Text follows the closing brace.</summary>
        public static string TextAfterJson(string quotedText)
        {
            return "unexpected " + quotedText + " after the JSON object: " + JsonUsage;
        }
    }
}
