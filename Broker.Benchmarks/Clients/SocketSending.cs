using System.Net.Sockets;

namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>Writes a whole buffer to a blocking socket; a blocking send() may write only part of it.</summary>
internal static class SocketSending
{
    /// <summary>Sends every byte of <paramref name="bytes"/>.</summary>
    public static void SendAll(Socket socket, ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            bytes = bytes[socket.Send(bytes)..];
        }
    }

    /// <summary>Whether <paramref name="exception"/> is a blocking call's timeout, which the loops use to check for a stop request.</summary>
    public static bool IsTimeout(SocketException exception)
    {
        return exception.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock;
    }
}
