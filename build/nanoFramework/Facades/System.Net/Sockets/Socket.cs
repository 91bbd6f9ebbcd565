// COMPILE-ONLY FACADE: part of the public API of nanoFramework.System.Net 1.11.60 (System.Net.dll), declared as
// the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed; no behaviour.
// Source: nanoframework/System.Net:nanoFramework.System.Net/Sockets/Socket.cs
// Dispose is implemented explicitly (IDisposable.Dispose); Close is the public way to release the socket. ReceiveFrom
// needs the socket bound (Bind) or used to send first, or it throws SocketException(NotConnected).

namespace System.Net.Sockets
{
    /// <summary>A Berkeley socket.</summary>
    public class Socket : IDisposable
    {
        /// <summary>Creates a socket; throws SocketException when the combination is not supported.</summary>
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) => throw null;

        /// <summary>Binds the socket to a local end point.</summary>
        public void Bind(EndPoint localEP) => throw null;

        /// <summary>Sends a whole buffer to an end point.</summary>
        public int SendTo(byte[] buffer, EndPoint remoteEP) => throw null;

        /// <summary>Receives one datagram and the end point it came from.</summary>
        public int ReceiveFrom(byte[] buffer, ref EndPoint remoteEP) => throw null;

        /// <summary>Waits up to the given time, in microseconds, for the socket to become readable, writable or to fail.</summary>
        public bool Poll(int microSeconds, SelectMode mode) => throw null;

        /// <summary>Closes the socket and releases its resources.</summary>
        public void Close() => throw null;

        /// <summary>Releases the socket.</summary>
        void IDisposable.Dispose() => throw null;
    }
}
