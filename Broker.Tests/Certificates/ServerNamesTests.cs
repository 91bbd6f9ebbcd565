using System.Net;
using Esp32Mqtt.Broker.Certificates;
using Esp32Mqtt.Broker.Hosting;

namespace Esp32Mqtt.Broker.Tests.Certificates;

public sealed class ServerNamesTests
{
    [Fact]
    public void Names_this_pc_its_lan_addresses_as_names_and_addresses_and_loopback()
    {
        // Act
        ServerNames names = ServerNames.ForThisComputer();

        // Assert
        string hostName = Dns.GetHostName();
        Assert.Equal(hostName, names.DnsNames[0]);
        Assert.Contains("localhost", names.DnsNames);
        Assert.Contains(IPAddress.Loopback, names.Addresses);
        Assert.Contains(IPAddress.IPv6Loopback, names.Addresses);
        foreach (LanAddress lan in LanAddressFinder.Find())
        {
            Assert.Contains(lan.Address, names.Addresses);
            Assert.Contains(lan.Address.ToString(), names.DnsNames);
        }
    }
}
