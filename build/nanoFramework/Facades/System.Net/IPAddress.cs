// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Net 1.11.60 (System.Net.dll), declared as
// the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Net:nanoFramework.System.Net/IPAddress.cs

namespace System.Net
{
    /// <summary>An IP address.</summary>
    public class IPAddress
    {
        /// <summary>0.0.0.0: any local address.</summary>
        public static readonly IPAddress Any;

        /// <summary>Creates an IPv4 address from its four bytes.</summary>
        public IPAddress(byte[] address) => throw null;

        /// <summary>Parses dotted text such as "224.0.0.251".</summary>
        public static IPAddress Parse(string ipString) => throw null;

        /// <summary>The address's bytes.</summary>
        public byte[] GetAddressBytes() => throw null;
    }
}
