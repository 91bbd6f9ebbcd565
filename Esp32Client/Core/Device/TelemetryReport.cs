namespace Esp32Client.Core
{
    /// <summary>
    /// Formats the telemetry message:
    /// <c>{"uptime_s":N,"free_heap_bytes":N,"wifi_rssi_dbm":N,"ip":"…","firmware":"…"}</c>, one flat object sent
    /// once a minute.
    /// </summary>
    public static class TelemetryReport
    {
        /// <summary>The JSON text of one report.</summary>
        public static string Format(long uptimeSeconds, int freeHeapBytes, int wifiRssiDbm, string ipAddress, string firmware)
        {
            return "{\"uptime_s\":" + uptimeSeconds.ToString()
                + ",\"free_heap_bytes\":" + freeHeapBytes.ToString()
                + ",\"wifi_rssi_dbm\":" + wifiRssiDbm.ToString()
                + ",\"ip\":" + JsonText.Quote(ipAddress)
                + ",\"firmware\":" + JsonText.Quote(firmware)
                + "}";
        }
    }
}
