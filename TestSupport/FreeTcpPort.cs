using System.Net;
using System.Net.Sockets;

namespace Esp32Mqtt.TestSupport;

/// <summary>Finds a loopback TCP port that is free right now, for programs that cannot take port 0 (Mosquitto).</summary>
public static class FreeTcpPort
{
    /// <summary>Asks the OS for a free port and releases it; another program could take it before it is used.</summary>
    public static int Find()
    {
        using Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>Whether something accepts TCP connections on the loopback port.</summary>
    public static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using TcpClient client = new();
        try
        {
            using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
