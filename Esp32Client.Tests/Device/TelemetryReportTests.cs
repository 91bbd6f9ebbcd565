using System.Text.Json;
using Esp32Client.Core;

namespace Esp32Client.Tests.Device;

public sealed class TelemetryReportTests
{
    [Fact]
    public void Formats_every_field_of_the_telemetry_message()
    {
        string report = TelemetryReport.Format(3600, 81234, -61, "192.168.1.50", "1.0.0");

        Assert.Equal("{\"uptime_s\":3600,\"free_heap_bytes\":81234,\"wifi_rssi_dbm\":-61,\"ip\":\"192.168.1.50\",\"firmware\":\"1.0.0\"}", report);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" and backslash \\")]
    [InlineData("control \n\t\u0001 characters")]
    [InlineData("")]
    public void Writes_strings_that_a_json_reader_reads_back_unchanged(string text)
    {
        string json = TelemetryReport.Format(1, 2, 3, text, "1.0.0");

        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(text, document.RootElement.GetProperty("ip").GetString());
    }
}
