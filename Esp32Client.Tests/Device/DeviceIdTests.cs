using Esp32Client.Core;

namespace Esp32Client.Tests.Device;

public sealed class DeviceIdTests
{
    [Theory]
    [InlineData(new byte[] { 0x24, 0x6F, 0x28, 0xA1, 0xB2, 0xC3 }, "esp32-a1b2c3")]
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x0A, 0xFF }, "esp32-000aff")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, "esp32-ffffff")]
    public void Uses_the_last_six_hex_digits_of_the_mac_address_in_lowercase(byte[] mac, string expected)
    {
        // Act
        string id = DeviceId.FromMacAddress(mac);

        // Assert
        Assert.Equal(expected, id);
    }
}
