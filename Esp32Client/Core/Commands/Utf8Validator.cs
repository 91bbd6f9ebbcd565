namespace Esp32Client.Core
{
    /// <summary>
    /// Checks that payload bytes are well-formed UTF-8 (RFC 3629, section 4): no stray continuation bytes,
    /// overlong forms, surrogates or code points above U+10FFFF. Works on the bytes, so it allocates nothing.
    /// </summary>
    public static class Utf8Validator
    {
        /// <summary>True when <paramref name="bytes"/>[<paramref name="start"/>..<paramref name="end"/>) is valid UTF-8.</summary>
        public static bool IsValid(byte[] bytes, int start, int end)
        {
            int index = start;
            while (index < end)
            {
                int lead = bytes[index];
                if (lead < 0x80)
                {
                    index++;
                    continue;
                }

                int continuationCount;
                int secondMinimum = 0x80;
                int secondMaximum = 0xBF;
                if (lead >= 0xC2 && lead <= 0xDF)
                {
                    continuationCount = 1;
                }
                else if (lead >= 0xE0 && lead <= 0xEF)
                {
                    continuationCount = 2;
                    if (lead == 0xE0)
                    {
                        // Overlong three-byte forms.
                        secondMinimum = 0xA0;
                    }
                    else if (lead == 0xED)
                    {
                        // UTF-16 surrogates U+D800..U+DFFF.
                        secondMaximum = 0x9F;
                    }
                }
                else if (lead >= 0xF0 && lead <= 0xF4)
                {
                    continuationCount = 3;
                    if (lead == 0xF0)
                    {
                        // Overlong four-byte forms.
                        secondMinimum = 0x90;
                    }
                    else if (lead == 0xF4)
                    {
                        // Above U+10FFFF.
                        secondMaximum = 0x8F;
                    }
                }
                else
                {
                    return false;
                }

                if (end - index <= continuationCount)
                {
                    return false;
                }

                int second = bytes[index + 1];
                if (second < secondMinimum || second > secondMaximum)
                {
                    return false;
                }

                for (int offset = 2; offset <= continuationCount; offset++)
                {
                    int next = bytes[index + offset];
                    if (next < 0x80 || next > 0xBF)
                    {
                        return false;
                    }
                }

                index += continuationCount + 1;
            }

            return true;
        }
    }
}
