namespace Esp32Client.Core
{
    /// <summary>
    /// Formats the telemetry message:
    /// <c>{"uptime_s":N,"free_heap_bytes":N,"wifi_rssi_dbm":N,"ip":"…","firmware":"…"}</c>. Built by hand: the
    /// firmware's package set has no JSON writer, and this is one flat object sent once a minute.
    /// </summary>
    public static class TelemetryReport
    {
        private const string HexDigits = "0123456789abcdef";

        /// <summary>The JSON text of one report.</summary>
        public static string Format(long uptimeSeconds, int freeHeapBytes, int wifiRssiDbm, string ipAddress, string firmware)
        {
            return "{\"uptime_s\":" + uptimeSeconds.ToString()
                + ",\"free_heap_bytes\":" + freeHeapBytes.ToString()
                + ",\"wifi_rssi_dbm\":" + wifiRssiDbm.ToString()
                + ",\"ip\":" + JsonString(ipAddress)
                + ",\"firmware\":" + JsonString(firmware)
                + "}";
        }

        /// <summary>A JSON string literal (RFC 8259 section 7): quotes, backslashes and control characters escaped.</summary>
        public static string JsonString(string text)
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
