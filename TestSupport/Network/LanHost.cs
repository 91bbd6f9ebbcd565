namespace Esp32Mqtt.TestSupport.Network;

/// <summary>One "PC" of an <see cref="IsolatedLan"/>: a network namespace with one network card.</summary>
/// <param name="Namespace">The network namespace's name.</param>
/// <param name="Address">Its IPv4 address on the LAN.</param>
public sealed record LanHost(string Namespace, string Address);
