using System.Text;

namespace Esp32Client.Core
{
    /// <summary>
    /// Turns part of a bad payload into a short, printable quote for an error message, so that the reply stays
    /// one readable line whatever was sent.
    /// </summary>
    public static class PayloadQuote
    {
        /// <summary>Most payload bytes quoted in an error message; longer input is cut and marked with an ellipsis.</summary>
        public const int MaximumQuotedBytes = 32;

        private const string Ellipsis = "...";

        /// <summary>The bytes as text between double quotes, cut to <see cref="MaximumQuotedBytes"/>, control characters as '?'.</summary>
        public static string Quote(byte[] bytes, int start, int end)
        {
            return "\"" + Text(bytes, start, end) + "\"";
        }

        /// <summary>The bytes as text, cut to <see cref="MaximumQuotedBytes"/>, control characters shown as '?'.</summary>
        public static string Text(byte[] bytes, int start, int end)
        {
            bool cut = end - start > MaximumQuotedBytes;
            int stop = cut ? start + MaximumQuotedBytes : end;

            // Never cut inside a multi-byte character: back up to the start of the last one.
            while (cut && stop > start && (bytes[stop] & 0xC0) == 0x80)
            {
                stop--;
            }

            char[] characters = Encoding.UTF8.GetChars(bytes, start, stop - start);
            for (int index = 0; index < characters.Length; index++)
            {
                if (characters[index] < ' ' || characters[index] == (char)0x7F)
                {
                    characters[index] = '?';
                }
            }

            string text = new string(characters);
            return cut ? text + Ellipsis : text;
        }
    }
}
