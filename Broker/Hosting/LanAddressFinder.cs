using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Esp32Mqtt.Broker.Hosting;

/// <summary>Finds the IPv4 addresses a board on the same network can use to reach this PC.</summary>
public static class LanAddressFinder
{
    /// <summary>Every IPv4 address of an interface that is up, except loopback (127.x) and self-assigned (169.254.x) ones.</summary>
    public static IReadOnlyList<LanAddress> Find()
    {
        List<LanAddress> addresses = [];
        try
        {
            foreach (NetworkInterface networkInterface in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (networkInterface.OperationalStatus != OperationalStatus.Up || networkInterface.NetworkInterfaceType == NetworkInterfaceType.Loopback)
                {
                    continue;
                }

                foreach (UnicastIPAddressInformation unicast in networkInterface.GetIPProperties().UnicastAddresses)
                {
                    if (IsReachableFromNetwork(unicast.Address))
                    {
                        addresses.Add(new LanAddress(networkInterface.Name, unicast.Address));
                    }
                }
            }
        }
        catch (NetworkInformationException)
        {
            // Some sandboxes hide the interfaces; the banner then says no address was found.
        }

        return addresses;
    }

    /// <summary>Whether an address is IPv4 and neither loopback nor link-local.</summary>
    public static bool IsReachableFromNetwork(IPAddress address)
    {
        const byte LinkLocalFirst = 169;
        const byte LinkLocalSecond = 254;
        if (address.AddressFamily != AddressFamily.InterNetwork || IPAddress.IsLoopback(address))
        {
            return false;
        }

        byte[] bytes = address.GetAddressBytes();
        return !(bytes[0] == LinkLocalFirst && bytes[1] == LinkLocalSecond);
    }
}
