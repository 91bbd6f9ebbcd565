// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Net 1.11.60 (System.Net.dll), declared as
// the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Net:nanoFramework.System.Net/Sockets/SelectMode.cs

namespace System.Net.Sockets
{
    /// <summary>What Socket.Poll waits for.</summary>
    public enum SelectMode
    {
        /// <summary>Data to read.</summary>
        SelectRead = 0,

        /// <summary>Room to write.</summary>
        SelectWrite = 1,

        /// <summary>An error.</summary>
        SelectError = 2,
    }
}
