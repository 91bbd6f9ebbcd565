using System.Net;

namespace Esp32Mqtt.Broker.Hosting;

/// <summary>An IPv4 address of this PC that other devices on the network can reach, and the interface it belongs to.</summary>
/// <param name="InterfaceName">The network interface's name, such as <c>wlan0</c> or <c>Wi-Fi</c>.</param>
/// <param name="Address">The address.</param>
public sealed record LanAddress(string InterfaceName, IPAddress Address);
