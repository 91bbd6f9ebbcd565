using System.Net;
using System.Text;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Discovery;

namespace Esp32Mqtt.Broker.Tests.Discovery;

public sealed class ServiceAdvertisementTests
{
    [Fact]
    public void Names_the_instance_and_host_after_the_pc()
    {
        // Act
        ServiceAdvertisement? advertisement = ServiceAdvertisement.For(new BrokerOptions(), new IPEndPoint(IPAddress.IPv6Any, 1883), "DESKTOP-42", "1.0.0");

        // Assert
        Assert.NotNull(advertisement);
        Assert.Equal("esp32mqtt on DESKTOP-42", advertisement.Name);
        Assert.Equal("esp32mqtt-DESKTOP-42.local", advertisement.HostName);
        Assert.Equal("esp32mqtt on DESKTOP-42._mqtt._tcp.local", advertisement.InstanceDomainName);
        Assert.Equal(1883, advertisement.Port);
        Assert.Equal(["txtvers=1", "product=esp32mqtt", "version=1.0.0", "users=optional"], advertisement.Text);
    }

    [Fact]
    public void Puts_a_port_other_than_1883_into_both_names()
    {
        // Act
        ServiceAdvertisement? advertisement = ServiceAdvertisement.For(new BrokerOptions(), new IPEndPoint(IPAddress.Any, 1884), "DESKTOP-42", "1.0.0");

        // Assert
        Assert.Equal(("esp32mqtt on DESKTOP-42 port 1884", "esp32mqtt-DESKTOP-42-1884.local", 1884), (advertisement?.Name, advertisement?.HostName, advertisement?.Port));
    }

    [Fact]
    public void Says_that_users_are_required_when_anonymous_clients_are_refused()
    {
        // Arrange
        BrokerOptions options = new() { AllowAnonymous = false };

        // Act
        ServiceAdvertisement? advertisement = ServiceAdvertisement.For(options, new IPEndPoint(IPAddress.Any, 1883), "PC", "1.0.0");

        // Assert
        Assert.Contains("users=required", advertisement!.Text);
    }

    [Theory]
    [InlineData(false, "0.0.0.0")]
    [InlineData(true, "127.0.0.1")]
    [InlineData(true, "::1")]
    public void Is_not_advertised_when_switched_off_or_unreachable_from_the_network(bool advertise, string address)
    {
        // Arrange
        BrokerOptions options = new() { Advertise = advertise };

        // Act
        ServiceAdvertisement? advertisement = ServiceAdvertisement.For(options, new IPEndPoint(IPAddress.Parse(address), 1883), "PC", "1.0.0");

        // Assert
        Assert.Null(advertisement);
    }

    [Theory]
    [InlineData("Anna's PC", "esp32mqtt-Anna-s-PC.local")]
    [InlineData("salle-école", "esp32mqtt-salle--cole.local")]
    public void Makes_a_host_name_of_letters_digits_and_hyphens(string machineName, string expectedHost)
    {
        // Act
        ServiceAdvertisement? advertisement = ServiceAdvertisement.For(new BrokerOptions(), new IPEndPoint(IPAddress.Any, 1883), machineName, "1.0.0");

        // Assert
        Assert.Equal("esp32mqtt on " + machineName, advertisement?.Name);
        Assert.Equal(expectedHost, advertisement?.HostName);
    }

    [Fact]
    public void Keeps_a_long_pc_name_within_one_dns_label_and_keeps_the_port()
    {
        // Arrange
        string machineName = string.Concat(Enumerable.Repeat("é", 40));

        // Act
        ServiceAdvertisement? advertisement = ServiceAdvertisement.For(new BrokerOptions(), new IPEndPoint(IPAddress.Any, 1884), machineName, "1.0.0");

        // Assert
        Assert.InRange(Encoding.UTF8.GetByteCount(advertisement!.Name), 60, 63);
        Assert.EndsWith("é port 1884", advertisement.Name, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(advertisement.HostName[..^".local".Length]), 50, 63);
    }
}
