using System;
using nanoFramework.Networking;

namespace Esp32Client.Networking
{
    /// <summary>
    /// Why a WiFi join failed, in words: enums print as numbers on nanoFramework (NANOFRAMEWORK.md, "Enums print as
    /// numbers").
    /// </summary>
    public static class WifiStatusText
    {
        /// <summary>Words for the WiFi helper's status after a failed join.</summary>
        public static string Describe(NetworkHelperStatus status, Exception? exception)
        {
            switch (status)
            {
                case NetworkHelperStatus.TokenExpiredWaitingIPAddress:
                    return "timed out waiting for an IP address (wrong password, network out of range, or no DHCP server?)";
                case NetworkHelperStatus.TokenExpiredWaitingDateTime:
                    return "timed out waiting for the clock to be set over the internet (SNTP), which TLS needs";
                case NetworkHelperStatus.ErrorConnetingToWiFiWhileScanning:
                    return "could not connect to the network found by the scan";
                case NetworkHelperStatus.FailedNoNetworkInterface:
                    return "this board has no WiFi interface configured";
                case NetworkHelperStatus.Reconnecting:
                    return "the link dropped and the helper is still waiting for it to come back";
                case NetworkHelperStatus.ExceptionOccurred:
                    return exception == null ? "an error occurred" : "error: " + exception.Message;
                case NetworkHelperStatus.NetworkIsReady:
                    return "the network is ready";
                default:
                    return "status " + ((int)status).ToString();
            }
        }
    }
}
