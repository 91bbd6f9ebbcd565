using Esp32Client.Core;

namespace Esp32Client.Benchmarks;

/// <summary>Constant readings for the telemetry message.</summary>
public sealed class FixedHealth : IDeviceHealth
{
    public int FreeHeapBytes => 80_000;

    public int WifiRssiDbm => -60;

    public string IpAddress => "192.168.1.50";
}
