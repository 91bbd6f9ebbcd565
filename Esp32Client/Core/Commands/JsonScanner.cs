namespace Esp32Client.Core
{
    /// <summary>
    /// The JSON syntax (RFC 8259) the command reader needs, on payload bytes: strings with their escapes, numbers,
    /// literals, and the first byte of objects and arrays. Errors are one line that names the byte position.
    /// </summary>
    public static class JsonScanner
    {
        private const string EscapeDescription = "an escape sequence (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)";

        /// <summary>Checks that the byte at <paramref name="position"/> is <paramref name="expected"/>.</summary>
        public static bool Expect(byte[] bytes, int position, int end, char expected, string description, int origin, out string error)
        {
            if (position >= end)
            {
                error = CommandErrors.UnfinishedJson(description);
                return false;
            }

            if (bytes[position] != expected)
            {
                error = CommandErrors.InvalidJson(position - origin + 1, description);
                return false;
            }

            error = string.Empty;
            return true;
        }

        /// <summary>
        /// Reads the value at <paramref name="position"/>. <paramref name="origin"/> is where the payload starts,
        /// for the byte positions in error messages.
        /// </summary>
        public static bool TryReadValue(byte[] bytes, int position, int end, int origin, out JsonToken token, out string error)
        {
            token = new JsonToken();
            token.Kind = JsonValueKind.Literal;
            token.Start = position;
            token.End = position;
            error = string.Empty;
            if (position >= end)
            {
                error = CommandErrors.UnfinishedJson("a value");
                return false;
            }

            byte first = bytes[position];
            if (first == '"')
            {
                return TryReadString(bytes, position, end, origin, out token, out error);
            }

            if (first == '{' || first == '[')
            {
                token.Kind = first == '{' ? JsonValueKind.Object : JsonValueKind.Array;
                token.End = position + 1;
                return true;
            }

            if (first == '-' || IsDigit(first))
            {
                token.Kind = JsonValueKind.Number;
                int failedAt;
                token.End = ScanNumber(bytes, position, end, out failedAt);
                if (failedAt >= 0)
                {
                    error = failedAt >= end
                        ? CommandErrors.UnfinishedJson("a digit")
                        : CommandErrors.InvalidJson(failedAt - origin + 1, "a digit");
                    return false;
                }

                return true;
            }

            int wordEnd = position;
            while (wordEnd < end && bytes[wordEnd] >= 'a' && bytes[wordEnd] <= 'z')
            {
                wordEnd++;
            }

            if (AsciiBytes.EqualsExactly(bytes, position, wordEnd, "true")
                || AsciiBytes.EqualsExactly(bytes, position, wordEnd, "false")
                || AsciiBytes.EqualsExactly(bytes, position, wordEnd, "null"))
            {
                token.End = wordEnd;
                return true;
            }

            error = CommandErrors.InvalidJson(position - origin + 1, "a value (a string, a number, true, false or null)");
            return false;
        }

        /// <summary>Reads the string whose opening quote is at <paramref name="position"/>.</summary>
        public static bool TryReadString(byte[] bytes, int position, int end, int origin, out JsonToken token, out string error)
        {
            token = new JsonToken();
            token.Kind = JsonValueKind.String;
            token.Start = position + 1;
            int index = token.Start;
            while (index < end)
            {
                byte value = bytes[index];
                if (value == '"')
                {
                    token.End = index;
                    error = string.Empty;
                    return true;
                }

                if (value < 0x20)
                {
                    error = CommandErrors.InvalidJson(index - origin + 1, "'\"' (control characters in strings must be escaped)");
                    return false;
                }

                if (value == '\\')
                {
                    token.Escaped = true;
                    if (!TrySkipEscape(bytes, ref index, end))
                    {
                        error = index >= end
                            ? CommandErrors.UnfinishedJson(EscapeDescription)
                            : CommandErrors.InvalidJson(index - origin + 1, EscapeDescription);
                        return false;
                    }

                    continue;
                }

                index++;
            }

            error = CommandErrors.UnfinishedJson("'\"'");
            return false;
        }

        /// <summary>Decodes the content of a string token that <see cref="TryReadString"/> accepted.</summary>
        public static string Unescape(byte[] bytes, JsonToken token)
        {
            char[] raw = System.Text.Encoding.UTF8.GetChars(bytes, token.Start, token.End - token.Start);
            char[] decoded = new char[raw.Length];
            int length = 0;
            for (int index = 0; index < raw.Length; index++)
            {
                char value = raw[index];
                if (value != '\\')
                {
                    decoded[length++] = value;
                    continue;
                }

                index++;
                char kind = raw[index];
                if (kind == 'u')
                {
                    int code = 0;
                    for (int digit = 1; digit <= 4; digit++)
                    {
                        code = (code * 16) + HexValue((byte)raw[index + digit]);
                    }

                    decoded[length++] = (char)code;
                    index += 4;
                }
                else
                {
                    decoded[length++] = UnescapedCharacter(kind);
                }
            }

            return new string(decoded, 0, length);
        }

        private static char UnescapedCharacter(char kind)
        {
            switch (kind)
            {
                case 'b':
                    return '\b';
                case 'f':
                    return '\f';
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 't':
                    return '\t';
                default:
                    // '"', '\\' and '/' stand for themselves.
                    return kind;
            }
        }

        /// <summary>Moves past the escape sequence whose backslash is at <paramref name="index"/>.</summary>
        private static bool TrySkipEscape(byte[] bytes, ref int index, int end)
        {
            index++;
            if (index >= end)
            {
                return false;
            }

            byte kind = bytes[index];
            if (kind == 'u')
            {
                for (int digit = 1; digit <= 4; digit++)
                {
                    if (index + digit >= end || HexValue(bytes[index + digit]) < 0)
                    {
                        index = index + digit >= end ? end : index + digit;
                        return false;
                    }
                }

                index += 5;
                return true;
            }

            if (kind == '"' || kind == '\\' || kind == '/' || kind == 'b' || kind == 'f' || kind == 'n' || kind == 'r' || kind == 't')
            {
                index++;
                return true;
            }

            return false;
        }

        /// <summary>
        /// Returns the end of the number at <paramref name="position"/> (RFC 8259 section 6); <paramref name="failedAt"/>
        /// is where a digit was required but missing, or -1.
        /// </summary>
        private static int ScanNumber(byte[] bytes, int position, int end, out int failedAt)
        {
            failedAt = -1;
            if (bytes[position] == '-')
            {
                position++;
            }

            if (!TrySkipDigits(bytes, ref position, end, ref failedAt))
            {
                return position;
            }

            if (position < end && bytes[position] == '.')
            {
                position++;
                if (!TrySkipDigits(bytes, ref position, end, ref failedAt))
                {
                    return position;
                }
            }

            if (position < end && (bytes[position] == 'e' || bytes[position] == 'E'))
            {
                position++;
                if (position < end && (bytes[position] == '+' || bytes[position] == '-'))
                {
                    position++;
                }

                TrySkipDigits(bytes, ref position, end, ref failedAt);
            }

            return position;
        }

        /// <summary>Skips one or more digits; records where a digit was missing.</summary>
        private static bool TrySkipDigits(byte[] bytes, ref int position, int end, ref int failedAt)
        {
            int first = position;
            while (position < end && IsDigit(bytes[position]))
            {
                position++;
            }

            if (position == first)
            {
                failedAt = position;
                return false;
            }

            return true;
        }

        private static bool IsDigit(byte value)
        {
            return value >= '0' && value <= '9';
        }

        private static int HexValue(byte value)
        {
            if (IsDigit(value))
            {
                return value - '0';
            }

            if (value >= 'a' && value <= 'f')
            {
                return value - 'a' + 10;
            }

            if (value >= 'A' && value <= 'F')
            {
                return value - 'A' + 10;
            }

            return -1;
        }
    }
}
