using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Hosting;

namespace Esp32Mqtt.Broker.Dashboard.Web;

/// <summary>The banner's lines about the dashboard: the addresses to open in a browser, on this PC or on a phone.</summary>
public static class DashboardBanner
{
    /// <summary>The start of the line that carries the WebSocket address, and with it the dashboard's real port; tests read it.</summary>
    public const string WebSocketLinePrefix = "MQTT over WebSockets, for browser clients: ";

    /// <summary>The line shown when the dashboard is switched off.</summary>
    public const string OffLine = "Dashboard: off (Broker:DashboardEnabled is false)";

    /// <summary>The path MQTT over WebSockets is served on, as Mosquitto's and EMQX's websockets listeners serve it.</summary>
    public const string WebSocketPath = "/mqtt";

    /// <summary>The lines for a dashboard listening on <paramref name="bound"/>.</summary>
    public static IReadOnlyList<string> Lines(IPEndPoint bound, IReadOnlyList<LanAddress> lanAddresses, bool loginRequired)
    {
        string login = loginRequired ? " (log in as one of the broker's users)" : string.Empty;
        IPAddress address = bound.Address;
        bool everyInterface = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
        if (!everyInterface)
        {
            string only = IPAddress.IsLoopback(address) ? " (this PC only)" : string.Empty;
            return
            [
                $"Dashboard: {Url("http", Host(address), bound.Port)}{only}{login}",
                WebSocketLinePrefix + Url("ws", Host(address), bound.Port) + WebSocketPath,
            ];
        }

        string localhost = Url("http", "localhost", bound.Port);
        if (lanAddresses.Count == 0)
        {
            return
            [
                $"Dashboard: {localhost} (this PC; no network address found for a phone){login}",
                WebSocketLinePrefix + Url("ws", "localhost", bound.Port) + WebSocketPath,
            ];
        }

        List<string> lines = [$"Dashboard: open it in a browser here, or on a phone on the same Wi-Fi{login}:"];
        lines.AddRange(lanAddresses.Select(lan => $"  {Url("http", Host(lan.Address), bound.Port),-28}  ({lan.InterfaceName})"));
        lines.Add($"  {localhost,-28}  (this PC)");
        lines.Add(WebSocketLinePrefix + Url("ws", Host(lanAddresses[0].Address), bound.Port) + WebSocketPath);
        return lines;
    }

    private static string Host(IPAddress address)
    {
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
    }

    private static string Url(string scheme, string host, int port)
    {
        return string.Create(CultureInfo.InvariantCulture, $"{scheme}://{host}:{port}");
    }
}
