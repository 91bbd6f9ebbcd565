using System.Net.Sockets;

namespace Esp32Mqtt.Broker.Transport.Listening;

/// <summary>
/// Acknowledges at once, at the TCP level, what a client sent that the broker will not answer. A client that leaves
/// Nagle's algorithm on (libmosquitto's default, and lwIP's on the ESP32) holds its next small packet back until the
/// one before is acknowledged. After a PUBACK or a QoS 0 PUBLISH the broker has nothing to send back that could carry
/// the acknowledgement, so the kernel's delayed acknowledgement (about 40 ms on Linux, 200 ms by default on Windows)
/// paced such a client to about 25 QoS 1 round trips a second, where Mosquitto, which happens to answer later, made
/// thousands.
/// </summary>
internal static class AcknowledgeAtOnce
{
    // <netinet/tcp.h>: IPPROTO_TCP 6, TCP_QUICKACK 12. Linux leaves quick-ack mode again by itself, so it is asked for
    // after each read that needs it; setting it sends an acknowledgement still pending at once (tcp_setsockopt).
    private const int TcpLevel = 6;
    private const int TcpQuickAck = 12;

    // <mstcpip.h>: SIO_TCP_SET_ACK_FREQUENCY = _WSAIOW(IOC_VENDOR, 23); a frequency of 1 acknowledges every segment.
    private const int SetAckFrequency = unchecked((int)0x98000017);

    private static readonly byte[] s_one = BitConverter.GetBytes(1);

    /// <summary>Sets up a just-accepted client socket: on Windows, every segment is acknowledged at once from now on.</summary>
    public static void OnAccepted(Socket socket)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                socket.IOControl(SetAckFrequency, s_one, null);
            }
            catch (SocketException)
            {
                // An old Windows or a socket provider without the option: delayed acknowledgements stay as they were.
            }
        }
    }

    /// <summary>
    /// After a read that ended with packets the broker will not answer: on Linux, the acknowledgement goes out now.
    /// Windows needs nothing here (<see cref="OnAccepted"/>), and other systems keep their delayed acknowledgements.
    /// </summary>
    public static void AfterUnansweredRead(Socket socket)
    {
        if (OperatingSystem.IsLinux())
        {
            socket.SetRawSocketOption(TcpLevel, TcpQuickAck, s_one);
        }
    }
}
