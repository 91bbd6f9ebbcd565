// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Device.Wifi 1.5.149 (System.Device.Wifi.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/System.Device.Wifi:System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs (assembly
// System.Device.Wifi, namespace nanoFramework.Networking). Parameter names are part of the API (named arguments):
// note that ConnectFixAddress and ScanAndConnectDhcp, not declared here, spell their adapter parameter "WifiAdapter".

using System;
using System.Device.Wifi;
using System.Threading;

namespace nanoFramework.Networking
{
    /// <summary>Joins a WiFi network.</summary>
    public static class WifiNetworkHelper
    {
        /// <summary>Where the helper stands; tells why a connect returned false.</summary>
        public static NetworkHelperStatus Status => throw null;

        /// <summary>The exception behind Status ExceptionOccurred.</summary>
        public static Exception HelperException => throw null;

        /// <summary>
        /// Joins the network with DHCP and stores the credentials on the device; false on failure or when the token
        /// expires. Without a token it waits forever.
        /// </summary>
        public static bool ConnectDhcp(
            string ssid,
            string password,
            WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default) => throw null;

        /// <summary>Joins the network stored on the device; false on failure or when the token expires.</summary>
        public static bool Reconnect(
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default) => throw null;
    }
}
