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
        Assert.Contains("Set BrokerHost in DeviceSettings.cs to your PC's LAN address", error);
    }

    [Fact]
    public void Refuses_an_empty_address()
    {
        // Act
        bool valid = BrokerAddress.TryValidateForBoard("  ", out string error);

        // Assert
        Assert.False(valid);
        Assert.StartsWith("The broker host is empty.", error);
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
    }
}
