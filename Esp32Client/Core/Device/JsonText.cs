namespace Esp32Client.Core
{
    /// <summary>
    /// Writes JSON string literals for the messages the board builds by hand (telemetry, Home Assistant discovery): the
    /// firmware's package set has no JSON writer, and both are small flat objects.
    /// </summary>
    public static class JsonText
    {
        private const string HexDigits = "0123456789abcdef";

        /// <summary>A JSON string literal (RFC 8259 section 7): quotes, backslashes and control characters escaped.</summary>
        public static string Quote(string text)
        {
            char[] escaped = new char[(text.Length * 6) + 2];
            int length = 0;
            escaped[length++] = '"';
            for (int index = 0; index < text.Length; index++)
            {
                char value = text[index];
                if (value == '"' || value == '\\')
                {
                    escaped[length++] = '\\';
                    escaped[length++] = value;
                }
                else if (value < ' ')
                {
                    escaped[length++] = '\\';
                    escaped[length++] = 'u';
                    escaped[length++] = '0';
                    escaped[length++] = '0';
                    escaped[length++] = HexDigits[value >> 4];
                    escaped[length++] = HexDigits[value & 0x0F];
                }
                else
                {
                    escaped[length++] = value;
                }
            }

            escaped[length++] = '"';
            return new string(escaped, 0, length);
        }
    }
}
