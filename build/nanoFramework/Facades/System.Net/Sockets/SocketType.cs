// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Net 1.11.60 (System.Net.dll), declared as
// the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Net:nanoFramework.System.Net/Sockets/SocketType.cs

namespace System.Net.Sockets
{
    /// <summary>Socket types.</summary>
    public enum SocketType
    {
        /// <summary>A connection-oriented byte stream (TCP).</summary>
        Stream = 1,

        /// <summary>Datagrams (UDP).</summary>
        Dgram = 2,

        /// <summary>Raw protocol access.</summary>
        Raw = 3,

        /// <summary>Reliably delivered messages.</summary>
        Rdm = 4,

        /// <summary>Sequenced packets.</summary>
        Seqpacket = 5,

        /// <summary>Unknown.</summary>
        Unknown = -1,
    }
}
