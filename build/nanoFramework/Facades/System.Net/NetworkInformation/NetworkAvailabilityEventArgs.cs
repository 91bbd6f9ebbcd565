// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Net 1.11.60 (System.Net.dll), declared as
// the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Net:nanoFramework.System.Net/NetworkInformation/NetworkChange.cs

namespace System.Net.NetworkInformation
{
    /// <summary>Arguments of NetworkChange.NetworkAvailabilityChanged.</summary>
    public class NetworkAvailabilityEventArgs : EventArgs
    {
        internal NetworkAvailabilityEventArgs(bool isAvailable) => throw null;

        /// <summary>True when the network is available.</summary>
        public bool IsAvailable => throw null;
    }
}
