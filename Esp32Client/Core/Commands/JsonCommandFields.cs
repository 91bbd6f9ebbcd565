namespace Esp32Client.Core
{
    /// <summary>The members of a JSON command seen so far, checked one by one as they are read.</summary>
    public struct JsonCommandFields
    {
        private const string StateKey = "state";
        private const string BlinkKey = "blink";
        private const string IntervalKey = "interval_ms";

        private bool _hasState;
        private bool _hasBlink;
        private bool _hasInterval;
        private CommandKind _state;
        private int _blinkCount;
        private int _interval;

        /// <summary>Checks one <paramref name="key"/>: <paramref name="value"/> member and records it.</summary>
        public bool TryAdd(byte[] bytes, JsonToken key, JsonToken value, out string error)
        {
            error = string.Empty;
            if (KeyIs(bytes, key, StateKey))
            {
                if (!TryMarkSeen(ref _hasState, StateKey, out error))
                {
                    return false;
                }

                if (!TryReadState(bytes, value, out _state))
                {
                    error = CommandErrors.BadJsonState(Describe(bytes, value));
                    return false;
                }

                return true;
            }

            if (KeyIs(bytes, key, BlinkKey))
            {
                if (!TryMarkSeen(ref _hasBlink, BlinkKey, out error))
                {
                    return false;
                }

                if (!TryReadWholeNumber(bytes, value, out _blinkCount) || !Command.IsValidBlinkCount(_blinkCount))
                {
                    error = CommandErrors.BadJsonBlinkCount(Describe(bytes, value));
                    return false;
                }

                return true;
            }

            if (KeyIs(bytes, key, IntervalKey))
            {
                if (!TryMarkSeen(ref _hasInterval, IntervalKey, out error))
                {
                    return false;
                }

                if (!TryReadWholeNumber(bytes, value, out _interval) || !Command.IsValidBlinkInterval(_interval))
                {
                    error = CommandErrors.BadJsonBlinkInterval(Describe(bytes, value));
                    return false;
                }

                return true;
            }

            error = CommandErrors.UnknownJsonKey(PayloadQuote.Quote(bytes, key.Start, key.End));
            return false;
        }

        /// <summary>Turns the members into one command, or says which combination is wrong.</summary>
        public bool TryBuild(out Command command, out string error)
        {
            command = Command.Simple(CommandKind.Query);
            error = string.Empty;
            if (_hasState && _hasBlink)
            {
                error = CommandErrors.StateAndBlink();
                return false;
            }

            if (_hasInterval && !_hasBlink)
            {
                error = CommandErrors.IntervalWithoutBlink();
                return false;
            }

            if (_hasState)
            {
                command = Command.Simple(_state);
                return true;
            }

            if (_hasBlink)
            {
                command = Command.Blink(_blinkCount, _hasInterval ? _interval : Command.DefaultBlinkIntervalMilliseconds);
                return true;
            }

            error = CommandErrors.NoJsonCommand();
            return false;
        }

        private static bool TryMarkSeen(ref bool seen, string key, out string error)
        {
            if (seen)
            {
                error = CommandErrors.DuplicateJsonKey("\"" + key + "\"");
                return false;
            }

            seen = true;
            error = string.Empty;
            return true;
        }

        private static bool KeyIs(byte[] bytes, JsonToken key, string name)
        {
            return key.Escaped
                ? JsonScanner.Unescape(bytes, key) == name
                : AsciiBytes.EqualsExactly(bytes, key.Start, key.End, name);
        }

        private static bool TryReadWholeNumber(byte[] bytes, JsonToken value, out int number)
        {
            number = 0;
            return value.Kind == JsonValueKind.Number && AsciiBytes.TryParseWholeNumber(bytes, value.Start, value.End, out number);
        }

        private static bool TryReadState(byte[] bytes, JsonToken value, out CommandKind state)
        {
            state = CommandKind.Query;
            if (value.Kind != JsonValueKind.String)
            {
                return false;
            }

            if (value.Escaped)
            {
                // Rare ("o\u006e"): decode once, then match the same words as the common form.
                byte[] decoded = System.Text.Encoding.UTF8.GetBytes(JsonScanner.Unescape(bytes, value));
                return TryMatchState(decoded, 0, decoded.Length, out state);
            }

            return TryMatchState(bytes, value.Start, value.End, out state);
        }

        private static bool TryMatchState(byte[] bytes, int start, int end, out CommandKind state)
        {
            state = CommandKind.Query;
            if (AsciiBytes.EqualsIgnoreCase(bytes, start, end, CommandWords.On))
            {
                state = CommandKind.On;
            }
            else if (AsciiBytes.EqualsIgnoreCase(bytes, start, end, CommandWords.Off))
            {
                state = CommandKind.Off;
            }
            else if (AsciiBytes.EqualsIgnoreCase(bytes, start, end, CommandWords.Toggle))
            {
                state = CommandKind.Toggle;
            }
            else
            {
                return false;
            }

            return true;
        }

        /// <summary>A value as an error message shows it: strings quoted, objects and arrays by kind.</summary>
        private static string Describe(byte[] bytes, JsonToken value)
        {
            switch (value.Kind)
            {
                case JsonValueKind.String:
                    return PayloadQuote.Quote(bytes, value.Start, value.End);
                case JsonValueKind.Object:
                    return "an object";
                case JsonValueKind.Array:
                    return "an array";
                default:
                    return PayloadQuote.Text(bytes, value.Start, value.End);
            }
        }
    }
}
