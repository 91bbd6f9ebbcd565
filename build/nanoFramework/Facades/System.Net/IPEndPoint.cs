// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Net 1.11.60 (System.Net.dll), declared as
// the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Net:nanoFramework.System.Net/IPEndPoint.cs

namespace System.Net
{
    /// <summary>An IP address and a port.</summary>
    public class IPEndPoint : EndPoint
    {
        /// <summary>Creates the end point.</summary>
        public IPEndPoint(IPAddress address, int port) => throw null;

        /// <summary>The address.</summary>
        public IPAddress Address => throw null;

        /// <summary>The port.</summary>
        public int Port => throw null;
    }
}
