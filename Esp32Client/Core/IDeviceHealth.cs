namespace Esp32Client.Core
{
    /// <summary>The readings that go into the telemetry message.</summary>
    public interface IDeviceHealth
    {
        /// <summary>Free managed heap in bytes.</summary>
        int FreeHeapBytes { get; }

        /// <summary>Signal strength of the joined WiFi network in dBm (0 when unknown).</summary>
        int WifiRssiDbm { get; }

        /// <summary>The board's IPv4 address, or an empty string when it has none.</summary>
        string IpAddress { get; }
    }
}
