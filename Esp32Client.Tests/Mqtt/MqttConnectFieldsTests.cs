using Esp32Client.Core;

namespace Esp32Client.Tests.Mqtt;

public sealed class MqttConnectFieldsTests
{
    [Fact]
    public void Carries_a_retained_qos_1_will_and_a_clean_session()
    {
        // Arrange
        MqttConnectRequest request = new("esp32-a1b2c3", "esp32", "secret", "esp32/esp32-a1b2c3/status", "offline", 15);

        // Act
        MqttConnectFields fields = new(request);

        // Assert
        Assert.Equal("esp32-a1b2c3", fields.ClientId);
        Assert.Equal(("esp32", "secret"), (fields.UserName, fields.Password));
        Assert.True(fields.HasWill);
        Assert.Equal(("esp32/esp32-a1b2c3/status", "offline"), (fields.WillTopic, fields.WillMessage));
        Assert.True(fields.WillRetain);
        Assert.Equal(1, fields.WillQualityOfService);
        Assert.True(fields.CleanSession);
        Assert.Equal(15, fields.KeepAliveSeconds);
    }

    [Theory]
    [InlineData("", "offline")]
    [InlineData("esp32/esp32-a1b2c3/status", "")]
    [InlineData("", "")]
    public void Leaves_every_will_field_null_or_off_without_a_complete_will(string willTopic, string willMessage)
    {
        // Arrange
        MqttConnectRequest request = new("esp32-a1b2c3", string.Empty, string.Empty, willTopic, willMessage, 15);

        // Act
        MqttConnectFields fields = new(request);

        // Assert
        Assert.False(fields.HasWill);
        Assert.Null(fields.WillTopic);
        Assert.Null(fields.WillMessage);
        Assert.False(fields.WillRetain);
        Assert.Equal(0, fields.WillQualityOfService);
    }

    [Theory]
    [InlineData("", "", null, null)]
    [InlineData("esp32", "", "esp32", null)]
    [InlineData("", "secret", null, null)]
    [InlineData("esp32", "secret", "esp32", "secret")]
    public void Leaves_out_an_empty_user_name_and_any_password_without_one(string userName, string password, string? expectedUserName, string? expectedPassword)
    {
        // Arrange
        MqttConnectRequest request = new("esp32-a1b2c3", userName, password, "esp32/esp32-a1b2c3/status", "offline", 15);

        // Act
        MqttConnectFields fields = new(request);

        // Assert
        Assert.Equal(expectedUserName, fields.UserName);
        Assert.Equal(expectedPassword, fields.Password);
    }

    [Theory]
    [InlineData(-5, 0)]
    [InlineData(0, 0)]
    [InlineData(15, 15)]
    [InlineData(65535, 65535)]
    [InlineData(70000, 65535)]
    public void Fits_the_keep_alive_into_the_two_bytes_connect_has_for_it(int requestedSeconds, int expectedSeconds)
    {
        // Arrange
        MqttConnectRequest request = new("esp32-a1b2c3", string.Empty, string.Empty, "esp32/esp32-a1b2c3/status", "offline", requestedSeconds);

        // Act
        MqttConnectFields fields = new(request);

        // Assert
        Assert.Equal(expectedSeconds, fields.KeepAliveSeconds);
    }
}
