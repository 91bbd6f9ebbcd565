namespace Esp32Client.Core
{
    /// <summary>
    /// The few text operations the command grammar needs, done on the payload bytes so that the common commands
    /// are parsed without decoding a string (each <c>Encoding.UTF8</c> call allocates on nanoFramework).
    /// </summary>
    public static class AsciiBytes
    {
        /// <summary>Largest number of digits read as a number; longer runs are out of every accepted range.</summary>
        private const int MaximumDigits = 9;

        /// <summary>True for space, tab, carriage return, line feed, vertical tab and form feed.</summary>
        public static bool IsWhitespace(byte value)
        {
            return value == (byte)' ' || (value >= 0x09 && value <= 0x0D);
        }

        /// <summary>Index of the first non-whitespace byte at or after <paramref name="start"/>, or <paramref name="end"/>.</summary>
        public static int SkipWhitespace(byte[] bytes, int start, int end)
        {
            while (start < end && IsWhitespace(bytes[start]))
            {
                start++;
            }

            return start;
        }

        /// <summary>One past the last non-whitespace byte before <paramref name="end"/>, or <paramref name="start"/>.</summary>
        public static int TrimEnd(byte[] bytes, int start, int end)
        {
            while (end > start && IsWhitespace(bytes[end - 1]))
            {
                end--;
            }

            return end;
        }

        /// <summary>Index of the first whitespace byte at or after <paramref name="start"/>, or <paramref name="end"/>.</summary>
        public static int FindWhitespace(byte[] bytes, int start, int end)
        {
            while (start < end && !IsWhitespace(bytes[start]))
            {
                start++;
            }

            return start;
        }

        /// <summary>
        /// True when the bytes spell <paramref name="lowercaseWord"/>, ignoring the case of ASCII letters.
        /// <paramref name="lowercaseWord"/> must be lowercase ASCII.
        /// </summary>
        public static bool EqualsIgnoreCase(byte[] bytes, int start, int end, string lowercaseWord)
        {
            if (end - start != lowercaseWord.Length)
            {
                return false;
            }

            for (int index = 0; index < lowercaseWord.Length; index++)
            {
                int value = bytes[start + index];
                if (value >= 'A' && value <= 'Z')
                {
                    value += 'a' - 'A';
                }

                if (value != lowercaseWord[index])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the bytes are exactly <paramref name="word"/> (ASCII, case-sensitive).</summary>
        public static bool EqualsExactly(byte[] bytes, int start, int end, string word)
        {
            if (end - start != word.Length)
            {
                return false;
            }

            for (int index = 0; index < word.Length; index++)
            {
                if (bytes[start + index] != word[index])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Reads an unsigned decimal number made only of digits. A run longer than nine digits reads as
        /// <see cref="int.MaxValue"/>, which every range check rejects. False when a byte is not a digit.
        /// </summary>
        public static bool TryParseWholeNumber(byte[] bytes, int start, int end, out int value)
        {
            value = 0;
            if (start >= end)
            {
                return false;
            }

            for (int index = start; index < end; index++)
            {
                int digit = bytes[index] - '0';
                if (digit < 0 || digit > 9)
                {
                    value = 0;
                    return false;
                }

                if (index - start < MaximumDigits)
                {
                    value = (value * 10) + digit;
                }
                else
                {
                    value = int.MaxValue;
                }
            }

            return true;
        }
    }
}
