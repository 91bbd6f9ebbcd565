using Esp32Mqtt.Broker.ConsoleLog;

namespace Esp32Mqtt.Broker.Tests.ConsoleLog;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(45, "45 s")]
    [InlineData(119, "119 s")]
    [InlineData(120, "2 min")]
    [InlineData(7_199, "119 min")]
    [InlineData(7_200, "2 h")]
    [InlineData(172_799, "47 h")]
    [InlineData(604_800, "7 days")]
    public void Says_a_duration_in_the_largest_unit_it_holds_two_of(int seconds, string expected)
    {
        // Act
        string text = DurationText.Format(TimeSpan.FromSeconds(seconds));

        // Assert
        Assert.Equal(expected, text);
    }
}
