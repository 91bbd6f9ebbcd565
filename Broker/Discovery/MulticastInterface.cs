using System.Net;

namespace Esp32Mqtt.Broker.Discovery;

/// <summary>A network interface that carries multicast, and the IPv4 addresses a device on its network reaches this PC at.</summary>
/// <param name="Index">The interface's IPv4 index.</param>
/// <param name="Name">Its name, such as <c>wlan0</c> or <c>Wi-Fi</c>.</param>
/// <param name="Addresses">Its IPv4 addresses; the first one also names it as the outgoing interface of multicast sends.</param>
public sealed record MulticastInterface(int Index, string Name, IReadOnlyList<IPAddress> Addresses);
