using System;
using System.Net;
using System.Net.Sockets;
using Esp32Client.Core;

namespace Esp32Client.Networking
{
    /// <summary>
    /// The board's multicast DNS port over nanoFramework.System.Net's sockets: a UDP socket on a port of its own that
    /// sends the question to the multicast DNS group, and to which responders send their answers straight back
    /// (RFC 6762 section 6.7), so the board joins no multicast group. lwIP sends the question out of the WiFi interface
    /// with its default IP time to live rather than the 255 RFC 6762 section 11 asks of senders; responders need not
    /// check it on questions (ours and python3-zeroconf do not).
    /// </summary>
    public sealed class UdpMulticastDnsChannel : IMulticastDnsChannel
    {
        private const int MicrosecondsPerMillisecond = 1000;

        private readonly IPEndPoint _group = new IPEndPoint(IPAddress.Parse(MulticastDns.GroupAddress), MulticastDns.Port);
        private readonly ILog _log;
        private Socket? _socket;

        /// <summary>Creates the channel; no socket exists before the first <see cref="Send"/>.</summary>
        public UdpMulticastDnsChannel(ILog log)
        {
            _log = log;
        }

        /// <summary>Sends the question to the multicast DNS group; false when the socket cannot be opened or used.</summary>
        public bool Send(byte[] message)
        {
            try
            {
                if (_socket == null)
                {
                    Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

                    // Bound first: nanoFramework's ReceiveFrom refuses a socket with no local end point.
                    socket.Bind(new IPEndPoint(IPAddress.Any, 0));
                    _socket = socket;
                }

                _socket.SendTo(message, _group);
                return true;
            }
            catch (Exception exception)
            {
                _log.Write("Discovery: cannot send the question to the network: " + exception.Message);
                Close();
                return false;
            }
        }

        /// <summary>Waits for an answer; its length, 0 when none came in time, -1 when the socket failed.</summary>
        public int Receive(byte[] buffer, int timeoutMilliseconds)
        {
            Socket? socket = _socket;
            if (socket == null)
            {
                return -1;
            }

            try
            {
                // Poll first: a blocking ReceiveFrom would throw on its timeout rather than say nothing came.
                if (!socket.Poll(timeoutMilliseconds * MicrosecondsPerMillisecond, SelectMode.SelectRead))
                {
                    return 0;
                }

                EndPoint sender = new IPEndPoint(IPAddress.Any, 0);
                return socket.ReceiveFrom(buffer, ref sender);
            }
            catch (Exception exception)
            {
                _log.Write("Discovery: listening for answers failed: " + exception.Message);
                return -1;
            }
        }

        /// <summary>Closes the socket, freeing lwIP's resources until the next lookup.</summary>
        public void Close()
        {
            Socket? socket = _socket;
            _socket = null;
            if (socket == null)
            {
                return;
            }

            try
            {
                socket.Close();
            }
            catch (Exception exception)
            {
                _log.Write("Discovery: closing the socket failed: " + exception.Message);
            }
        }
    }
}
