using System.Text.Json.Serialization;

namespace Esp32Mqtt.Broker.Dashboard.Boards;

/// <summary>
/// A board's health report, as the firmware formats it (Esp32Client/Core/Device/TelemetryReport.cs); a field the board
/// did not send is null.
/// </summary>
/// <param name="UptimeSeconds">Seconds since the board started.</param>
/// <param name="FreeHeapBytes">Free memory on the board.</param>
/// <param name="WifiRssiDbm">Wi-Fi signal strength; closer to 0 is stronger.</param>
/// <param name="Ip">The board's IP address.</param>
/// <param name="Firmware">The firmware's name and version.</param>
public sealed record BoardTelemetry(
    [property: JsonPropertyName("uptime_s")] long? UptimeSeconds,
    [property: JsonPropertyName("free_heap_bytes")] long? FreeHeapBytes,
    [property: JsonPropertyName("wifi_rssi_dbm")] int? WifiRssiDbm,
    [property: JsonPropertyName("ip")] string? Ip,
    [property: JsonPropertyName("firmware")] string? Firmware);
