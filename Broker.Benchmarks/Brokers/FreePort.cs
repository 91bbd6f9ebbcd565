using System.Net;
using System.Net.Sockets;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>
/// Picks a free loopback port for a broker. Both brokers get their port on the command line, so readiness is timed
/// the same way for both (no banner to wait for).
/// </summary>
internal static class FreePort
{
    /// <summary>A port nothing listens on right now.</summary>
    public static int Pick()
    {
        using Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
