using System.Text.Json;
using Esp32Client.Core;

namespace Esp32Client.Tests.Device;

public sealed class TelemetryReportTests
{
    [Fact]
    public void Formats_every_field_of_the_telemetry_message()
    {
        // Act
        string report = TelemetryReport.Format(3600, 81234, -61, "192.168.1.50", "1.1.0");

        // Assert
        Assert.Equal("{\"uptime_s\":3600,\"free_heap_bytes\":81234,\"wifi_rssi_dbm\":-61,\"ip\":\"192.168.1.50\",\"firmware\":\"1.1.0\"}", report);
    }

    [Fact]
    public void Quotes_the_text_fields_so_a_json_reader_reads_them_back()
    {
        // Act
        string report = TelemetryReport.Format(1, 2, 0, "quote \" here", "1.1.0");

        // Assert
        using JsonDocument document = JsonDocument.Parse(report);
        Assert.Equal("quote \" here", document.RootElement.GetProperty("ip").GetString());
        Assert.Equal(0, document.RootElement.GetProperty("wifi_rssi_dbm").GetInt32());
    }
}
