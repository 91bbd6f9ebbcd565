// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Net 1.11.60 (System.Net.dll), declared as
// the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Net:nanoFramework.System.Net/Sockets/ProtocolType.cs (the values the firmware uses).

namespace System.Net.Sockets
{
    /// <summary>Protocols.</summary>
    public enum ProtocolType
    {
        /// <summary>TCP.</summary>
        Tcp = 6,

        /// <summary>UDP.</summary>
        Udp = 17,
    }
}
