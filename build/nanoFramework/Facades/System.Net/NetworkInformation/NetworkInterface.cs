// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Net 1.11.60 (System.Net.dll), declared as
// the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Net:nanoFramework.System.Net/NetworkInformation/NetworkInterface.cs

namespace System.Net.NetworkInformation
{
    /// <summary>A network interface of the device; each instance is a snapshot of its settings.</summary>
    public class NetworkInterface
    {
        /// <summary>Creates the snapshot of an interface.</summary>
        protected NetworkInterface(int interfaceIndex) => throw null;

        /// <summary>The IPv4 address, "0.0.0.0" when there is none.</summary>
        public string IPv4Address => throw null;

        /// <summary>The MAC address.</summary>
        public byte[] PhysicalAddress
        {
            get => throw null;
            set => throw null;
        }

        /// <summary>The kind of interface.</summary>
        public NetworkInterfaceType NetworkInterfaceType => throw null;

        /// <summary>Snapshots of all interfaces of the device.</summary>
        public static NetworkInterface[] GetAllNetworkInterfaces() => throw null;
    }
}
