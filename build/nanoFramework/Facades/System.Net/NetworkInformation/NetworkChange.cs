// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Net 1.11.60 (System.Net.dll), declared as
// the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Net:nanoFramework.System.Net/NetworkInformation/NetworkChange.cs
// (NetworkAPStationChanged, for the soft access point, is not declared here.)

namespace System.Net.NetworkInformation
{
    /// <summary>Changes in the availability and address of the network.</summary>
    public static class NetworkChange
    {
        /// <summary>Raised when the IP address of an interface changes.</summary>
        public static event NetworkAddressChangedEventHandler NetworkAddressChanged
        {
            add => throw null;
            remove => throw null;
        }

        /// <summary>Raised when an interface goes up or down.</summary>
        public static event NetworkAvailabilityChangedEventHandler NetworkAvailabilityChanged
        {
            add => throw null;
            remove => throw null;
        }
    }
}
