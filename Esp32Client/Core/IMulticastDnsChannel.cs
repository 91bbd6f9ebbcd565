namespace Esp32Client.Core
{
    /// <summary>A UDP port of the board's own, from which multicast DNS questions go out and to which the answers come back.</summary>
    public interface IMulticastDnsChannel
    {
        /// <summary>Sends <paramref name="message"/> to the multicast DNS group, opening the port first if needed; false when it cannot.</summary>
        bool Send(byte[] message);

        /// <summary>
        /// Waits at most <paramref name="timeoutMilliseconds"/> for a datagram and copies it into <paramref name="buffer"/>:
        /// its length, 0 when none came in time, -1 when the port failed.
        /// </summary>
        int Receive(byte[] buffer, int timeoutMilliseconds);

        /// <summary>Closes the port; the next <see cref="Send"/> opens a new one.</summary>
        void Close();
    }
}
