using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>Fixed health readings.</summary>
public sealed class FakeDeviceHealth : IDeviceHealth
{
    public int FreeHeapBytes { get; set; } = 81234;

    public int WifiRssiDbm { get; set; } = -61;

    public string IpAddress { get; set; } = "192.168.1.50";
}
