using System.Net;
using System.Net.Sockets;

namespace Esp32Mqtt.Broker.Transport.Tests;

/// <summary>A real TCP connection over loopback, for tests of what the broker does with a client's socket.</summary>
internal static class LoopbackConnection
{
    /// <summary>Connects a client socket to a listener and returns both ends; the caller disposes them.</summary>
    public static async Task<(Socket Client, Socket Server)> OpenAsync()
    {
        using Socket listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        Socket client = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!);
        return (client, await listener.AcceptAsync());
    }
}
