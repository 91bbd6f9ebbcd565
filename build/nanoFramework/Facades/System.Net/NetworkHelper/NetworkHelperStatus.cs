// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Net 1.11.60 (System.Net.dll), declared as
// the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Net:nanoFramework.System.Net/NetworkHelper/NetworkHelperStatus.cs @v1.11.54
// (ErrorConnetingToWiFiWhileScanning is spelt as in the package). ExceptionOccurred is 7 and Reconnecting 8 since
// v1.11.52; Esp32Client/NANOFRAMEWORK.md records every facade enum's values, and a test compares the two.

namespace nanoFramework.Networking
{
    /// <summary>Where the network helpers stand.</summary>
    public enum NetworkHelperStatus
    {
        /// <summary>Not started.</summary>
        None,

        /// <summary>Started, waiting for the network.</summary>
        Started,

        /// <summary>The network is ready.</summary>
        NetworkIsReady,

        /// <summary>No network interface is configured.</summary>
        FailedNoNetworkInterface,

        /// <summary>Timed out waiting for an IP address.</summary>
        TokenExpiredWaitingIPAddress,

        /// <summary>Timed out waiting for a valid date and time.</summary>
        TokenExpiredWaitingDateTime,

        /// <summary>Could not connect to the WiFi network found by a scan.</summary>
        ErrorConnetingToWiFiWhileScanning,

        /// <summary>An exception occurred; see HelperException.</summary>
        ExceptionOccurred,

        /// <summary>The IP address was lost; waiting for the connection to come back.</summary>
        Reconnecting,
    }
}
