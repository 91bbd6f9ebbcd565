using System.Net.Sockets;

namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>Blocking socket calls for the load generator: whole-buffer sends (a send() may write only part) and receives that time out.</summary>
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

    /// <summary>
    /// One blocking receive into <paramref name="buffer"/>; false when the socket's receive timeout passed first, so the
    /// caller's loop can look for a stop request. <paramref name="read"/> is 0 when the broker closed the connection.
    /// </summary>
    public static bool TryReceive(Socket socket, Span<byte> buffer, out int read)
    {
        try
        {
            read = socket.Receive(buffer);
            return true;
        }
        catch (SocketException exception) when (IsTimeout(exception))
        {
            read = 0;
            return false;
        }
    }

    /// <summary>Whether <paramref name="exception"/> is a blocking call's timeout, which the loops use to check for a stop request.</summary>
    public static bool IsTimeout(SocketException exception)
    {
        return exception.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock;
    }
}
