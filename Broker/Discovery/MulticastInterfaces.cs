using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Hosting;

namespace Esp32Mqtt.Broker.Discovery;

/// <summary>Finds the interfaces to advertise on: up, carrying multicast, with an IPv4 address a board could use.</summary>
public static class MulticastInterfaces
{
    /// <summary>
    /// The interfaces to advertise on. With <paramref name="boundAddress"/> a single address, only the interface that
    /// holds it, with that address alone. Loopback counts only where it carries multicast (not by default), with its 127.x address: then
    /// programs on this PC alone can find the broker there.
    /// </summary>
    public static IReadOnlyList<MulticastInterface> Find(IPAddress boundAddress)
    {
        bool everyInterface = boundAddress.Equals(IPAddress.Any) || boundAddress.Equals(IPAddress.IPv6Any);
        List<MulticastInterface> found = [];
        NetworkInterface[] interfaces;
        try
        {
            interfaces = NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (NetworkInformationException)
        {
            return found;
        }

        foreach (NetworkInterface candidate in interfaces)
        {
            bool loopback = candidate.NetworkInterfaceType == NetworkInterfaceType.Loopback;

            // Linux reports its loopback interface's state as unknown rather than up.
            bool up = candidate.OperationalStatus == OperationalStatus.Up || (loopback && candidate.OperationalStatus == OperationalStatus.Unknown);
            if (!up || !candidate.SupportsMulticast || !candidate.Supports(NetworkInterfaceComponent.IPv4))
            {
                continue;
            }

            IPInterfaceProperties properties = candidate.GetIPProperties();
            List<IPAddress> addresses = [.. properties.UnicastAddresses
                .Select(unicast => unicast.Address)
                .Where(address => address.AddressFamily == AddressFamily.InterNetwork && (loopback || LanAddressFinder.IsReachableFromNetwork(address)))];
            if (addresses.Count == 0 || (!everyInterface && !addresses.Contains(boundAddress)))
            {
                continue;
            }

            found.Add(new MulticastInterface(properties.GetIPv4Properties().Index, candidate.Name, everyInterface ? addresses : [boundAddress]));
        }

        return found;
    }
}
