namespace Esp32Client.Core
{
    /// <summary>
    /// Reads the two JSON command shapes, <c>{"state":"on"|"off"|"toggle"}</c> and <c>{"blink":N,"interval_ms":MS}</c>
    /// (<c>interval_ms</c> optional), straight from the payload bytes. The firmware's package set has no JSON reader,
    /// and a general one would build a tree; a command is one flat object, so this reads just that and allocates
    /// only to describe an error.
    /// </summary>
    public static class JsonCommandParser
    {
        /// <summary>
        /// Parses the object in <paramref name="bytes"/>[<paramref name="start"/>..<paramref name="end"/>), which starts
        /// with '{' and is valid UTF-8. On failure <paramref name="error"/> says what is wrong and what is accepted.
        /// </summary>
        public static bool TryParse(byte[] bytes, int start, int end, out Command command, out string error)
        {
            command = Command.Simple(CommandKind.Query);
            JsonCommandFields fields = new JsonCommandFields();
            int position = AsciiBytes.SkipWhitespace(bytes, start + 1, end);
            bool empty = position < end && bytes[position] == '}';
            while (!empty)
            {
                JsonToken key;
                if (!JsonScanner.Expect(bytes, position, end, '"', "a key in double quotes", start, out error)
                    || !JsonScanner.TryReadString(bytes, position, end, start, out key, out error))
                {
                    return false;
                }

                position = AsciiBytes.SkipWhitespace(bytes, key.Next, end);
                if (!JsonScanner.Expect(bytes, position, end, ':', "':'", start, out error))
                {
                    return false;
                }

                JsonToken value;
                position = AsciiBytes.SkipWhitespace(bytes, position + 1, end);
                if (!JsonScanner.TryReadValue(bytes, position, end, start, out value, out error)
                    || !fields.TryAdd(bytes, key, value, out error))
                {
                    return false;
                }

                position = AsciiBytes.SkipWhitespace(bytes, value.Next, end);
                if (position < end && bytes[position] == ',')
                {
                    position = AsciiBytes.SkipWhitespace(bytes, position + 1, end);
                    continue;
                }

                if (!JsonScanner.Expect(bytes, position, end, '}', "',' or '}'", start, out error))
                {
                    return false;
                }

                break;
            }

            // 'position' is at the closing brace.
            position = AsciiBytes.SkipWhitespace(bytes, position + 1, end);
            if (position < end)
            {
                error = CommandErrors.TextAfterJson(PayloadQuote.Quote(bytes, position, end));
                return false;
            }

            return fields.TryBuild(out command, out error);
        }
    }
}
