// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Net 1.11.60 (System.Net.dll), declared as
// the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Net:nanoFramework.System.Net/Sockets/AddressFamily.cs (the values the firmware uses).

namespace System.Net.Sockets
{
    /// <summary>Addressing schemes.</summary>
    public enum AddressFamily
    {
        /// <summary>Unknown.</summary>
        Unknown = -1,

        /// <summary>Unspecified.</summary>
        Unspecified = 0,

        /// <summary>IPv4.</summary>
        InterNetwork = 2,
    }
}
