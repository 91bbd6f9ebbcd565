using System.Net;
using System.Net.Sockets;
using Esp32Client.Core;

namespace Esp32Client.Simulator.Hosting;

/// <summary>
/// Telemetry readings for a board that is a PC process: memory the GC could still hand out, no WiFi signal (0 means
/// unknown in the contract), and the local address this PC uses to reach the broker (<paramref name="broker"/> gives its
/// host and port, or null while it is not known yet).
/// </summary>
public sealed class SimulatedHealth(Func<(string Host, int Port)?> broker) : IDeviceHealth
{
    public int FreeHeapBytes
    {
        get
        {
            GCMemoryInfo info = GC.GetGCMemoryInfo();
            return (int)Math.Clamp(info.TotalAvailableMemoryBytes - info.HeapSizeBytes, 0, int.MaxValue);
        }
    }

    public int WifiRssiDbm => 0;

    public string IpAddress
    {
        get
        {
            if (broker() is not { } target)
            {
                return string.Empty;
            }

            try
            {
                // Connecting a UDP socket sends nothing; it only asks the OS which local address routes to the broker.
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.Connect(target.Host, target.Port);
                return (socket.LocalEndPoint as IPEndPoint)?.Address.ToString() ?? string.Empty;
            }
            catch (SocketException)
            {
                return string.Empty;
            }
        }
    }
}
