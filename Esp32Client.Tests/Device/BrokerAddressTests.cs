using Esp32Client.Core;

namespace Esp32Client.Tests.Device;

public sealed class BrokerAddressTests
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST")]
    [InlineData(" localhost ")]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("::1")]
    [InlineData("0.0.0.0")]
    public void Refuses_an_address_that_means_the_board_itself(string host)
    {
        // Act
        bool valid = BrokerAddress.TryValidateForBoard(host, out string error);

        // Assert
        Assert.False(valid);
        Assert.Contains("means the ESP32 itself, not your PC", error);
        Assert.Contains("or set it to your PC's LAN address", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Takes_an_empty_address_as_finding_the_broker_on_the_network(string host)
    {
        // Act
        bool valid = BrokerAddress.TryValidateForBoard(host, out string error);

        // Assert
        Assert.True(valid);
        Assert.Equal(string.Empty, error);
        Assert.True(BrokerAddress.IsFoundOnNetwork(host));
    }

    [Fact]
    public void Says_that_an_empty_address_finds_the_broker_when_refusing_localhost()
    {
        // Act
        BrokerAddress.TryValidateForBoard("localhost", out string error);

        // Assert
        Assert.Contains("Leave BrokerHost in DeviceSettings.cs empty to find the broker on the network", error);
    }

    [Theory]
    [InlineData("192.168.1.10")]
    [InlineData("10.0.0.5")]
    [InlineData("my-pc.local")]
    [InlineData("broker.example.com")]
    public void Accepts_a_lan_address_or_host_name(string host)
    {
        // Act
        bool valid = BrokerAddress.TryValidateForBoard(host, out string error);

        // Assert
        Assert.True(valid);
        Assert.Equal(string.Empty, error);
        Assert.False(BrokerAddress.IsFoundOnNetwork(host));
    }
}
