// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Net 1.11.60 (System.Net.dll), declared as
// the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Net:nanoFramework.System.Net/NetworkInformation/NetworkInterfaceType.cs

namespace System.Net.NetworkInformation
{
    /// <summary>The kind of a network interface.</summary>
    public enum NetworkInterfaceType
    {
        /// <summary>Unknown.</summary>
        Unknown = 1,

        /// <summary>Ethernet.</summary>
        Ethernet = 6,

        /// <summary>WiFi station.</summary>
        Wireless80211 = 71,

        /// <summary>WiFi soft access point.</summary>
        WirelessAP = 72,
    }
}
