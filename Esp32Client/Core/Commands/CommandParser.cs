namespace Esp32Client.Core
{
    /// <summary>
    /// Turns a payload received on <c>led</c> or <c>esp32/&lt;id&gt;/led</c> into a <see cref="Command"/>, following the
    /// device contract (README): UTF-8, case-insensitive, surrounding whitespace ignored, text or JSON. Bad input is a
    /// false result with a one-line error, never an exception. Works on the bytes: the common commands allocate nothing.
    /// </summary>
    public static class CommandParser
    {
        /// <summary>
        /// Longest payload read as a command. The longest valid command is far shorter; this bounds the work done
        /// on a bad payload and the size of the error reply.
        /// </summary>
        public const int MaximumPayloadBytes = 256;

        /// <summary>Parses <paramref name="payload"/> (null reads as empty). On failure <paramref name="error"/> says why.</summary>
        public static bool TryParse(byte[] payload, out Command command, out string error)
        {
            command = Command.Simple(CommandKind.Query);
            error = string.Empty;
            if (payload == null)
            {
                return true;
            }

            if (payload.Length > MaximumPayloadBytes)
            {
                error = CommandErrors.TooLong(payload.Length, MaximumPayloadBytes);
                return false;
            }

            if (!Utf8Validator.IsValid(payload, 0, payload.Length))
            {
                error = CommandErrors.NotUtf8();
                return false;
            }

            int start = AsciiBytes.SkipWhitespace(payload, 0, payload.Length);
            int end = AsciiBytes.TrimEnd(payload, start, payload.Length);
            if (start == end)
            {
                return true;
            }

            if (payload[start] == '{')
            {
                return JsonCommandParser.TryParse(payload, start, end, out command, out error);
            }

            return TryParseText(payload, start, end, out command, out error);
        }

        private static bool TryParseText(byte[] payload, int start, int end, out Command command, out string error)
        {
            command = Command.Simple(CommandKind.Query);
            error = string.Empty;
            int wordEnd = AsciiBytes.FindWhitespace(payload, start, end);
            int argumentStart = AsciiBytes.SkipWhitespace(payload, wordEnd, end);

            CommandKind kind;
            if (TryMatchSimpleWord(payload, start, wordEnd, out kind))
            {
                if (argumentStart < end)
                {
                    int argumentEnd = AsciiBytes.FindWhitespace(payload, argumentStart, end);
                    error = CommandErrors.UnexpectedArgument(
                        PayloadQuote.Quote(payload, start, wordEnd),
                        PayloadQuote.Quote(payload, argumentStart, argumentEnd));
                    return false;
                }

                command = Command.Simple(kind);
                return true;
            }

            if (AsciiBytes.EqualsIgnoreCase(payload, start, wordEnd, CommandWords.Blink))
            {
                return TryParseBlinkArguments(payload, argumentStart, end, out command, out error);
            }

            error = CommandErrors.UnknownCommand(PayloadQuote.Quote(payload, start, end));
            return false;
        }

        private static bool TryMatchSimpleWord(byte[] payload, int start, int end, out CommandKind kind)
        {
            kind = CommandKind.Query;
            if (AsciiBytes.EqualsIgnoreCase(payload, start, end, CommandWords.On)
                || AsciiBytes.EqualsIgnoreCase(payload, start, end, CommandWords.One)
                || AsciiBytes.EqualsIgnoreCase(payload, start, end, CommandWords.True))
            {
                kind = CommandKind.On;
            }
            else if (AsciiBytes.EqualsIgnoreCase(payload, start, end, CommandWords.Off)
                || AsciiBytes.EqualsIgnoreCase(payload, start, end, CommandWords.Zero)
                || AsciiBytes.EqualsIgnoreCase(payload, start, end, CommandWords.False))
            {
                kind = CommandKind.Off;
            }
            else if (AsciiBytes.EqualsIgnoreCase(payload, start, end, CommandWords.Toggle))
            {
                kind = CommandKind.Toggle;
            }
            else if (AsciiBytes.EqualsIgnoreCase(payload, start, end, CommandWords.Query))
            {
                kind = CommandKind.Query;
            }
            else
            {
                return false;
            }

            return true;
        }

        /// <summary>Reads <c>[count] [interval_ms]</c> after the word <c>blink</c>.</summary>
        private static bool TryParseBlinkArguments(byte[] payload, int position, int end, out Command command, out string error)
        {
            command = Command.Simple(CommandKind.Query);
            error = string.Empty;
            int count = Command.DefaultBlinkCount;
            int interval = Command.DefaultBlinkIntervalMilliseconds;

            if (position < end)
            {
                int countEnd = AsciiBytes.FindWhitespace(payload, position, end);
                if (!AsciiBytes.TryParseWholeNumber(payload, position, countEnd, out count) || !Command.IsValidBlinkCount(count))
                {
                    error = CommandErrors.BadBlinkCount(PayloadQuote.Quote(payload, position, countEnd));
                    return false;
                }

                position = AsciiBytes.SkipWhitespace(payload, countEnd, end);
            }

            if (position < end)
            {
                int intervalEnd = AsciiBytes.FindWhitespace(payload, position, end);
                if (!AsciiBytes.TryParseWholeNumber(payload, position, intervalEnd, out interval) || !Command.IsValidBlinkInterval(interval))
                {
                    error = CommandErrors.BadBlinkInterval(PayloadQuote.Quote(payload, position, intervalEnd));
                    return false;
                }

                position = AsciiBytes.SkipWhitespace(payload, intervalEnd, end);
            }

            if (position < end)
            {
                error = CommandErrors.TooManyBlinkArguments(PayloadQuote.Quote(payload, position, AsciiBytes.FindWhitespace(payload, position, end)));
                return false;
            }

            command = Command.Blink(count, interval);
            return true;
        }
    }
}
