using Esp32Client.Core;
using Esp32Client.Networking;

namespace Esp32Client.Hardware
{
    /// <summary>The telemetry readings of the board: free heap, WiFi signal and IP address.</summary>
    public sealed class DeviceHealth : IDeviceHealth
    {
        // nanoFramework 1.x has no call that reads the RSSI of the joined access point: only a scan report
        // (WifiAdapter.ScanAsync, then NetworkReport) carries one, and on the ESP32 a scan is passive, 500 ms per channel
        // (nf-interpreter:targets/ESP32/_Network/NF_ESP32_Wireless.cpp, NF_ESP32_Wireless_Scan), keeping the radio off
        // the broker's channel for seconds. The contract's "0 when unknown" is the honest answer.
        private const int UnknownRssiDbm = 0;

        /// <summary>Free managed heap in bytes, after a collection (without compaction, which is slow).</summary>
        public int FreeHeapBytes
        {
            // Written in full: System.GC and nanoFramework.Runtime.Native.GC would clash (NANOFRAMEWORK.md, "Two classes named GC").
            get { return (int)nanoFramework.Runtime.Native.GC.Run(false); }
        }

        /// <summary>Always 0 (unknown): see the note on <see cref="UnknownRssiDbm"/>.</summary>
        public int WifiRssiDbm
        {
            get { return UnknownRssiDbm; }
        }

        /// <summary>The IPv4 address of the WiFi interface, or an empty string when it has none.</summary>
        public string IpAddress
        {
            get { return WifiInterface.ReadIpv4Address(); }
        }
    }
}
