using System.Buffers;
using System.Text;
using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.Broker.Subscriptions;

namespace Esp32Mqtt.Broker.Tests.ConsoleLog;

public sealed class PublishTextTests
{
    [Theory]
    [InlineData(1, "1 client: c1")]
    [InlineData(2, "2 clients: c1, c2")]
    [InlineData(5, "5 clients: c1, c2, c3, c4, c5")]
    [InlineData(30, "30 clients: c1, c2, c3, c4, c5 and 25 more")]
    public void Names_a_few_recipients_and_counts_the_rest(int count, string expected)
    {
        // Arrange
        string[] clients = [.. Enumerable.Range(1, count).Select(i => $"c{i}")];

        // Act
        string text = PublishText.Recipients(clients);

        // Assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Marks_the_recipients_that_are_offline_with_their_session_kept()
    {
        // Act
        string text = PublishText.Recipients(["esp32-a", "s1"], offline: ["s1"]);

        // Assert
        Assert.Equal("2 clients: esp32-a, s1 (offline: queued)", text);
    }

    [Theory]
    [InlineData(0, false, "on", "QoS 0")]
    [InlineData(1, true, "on", "QoS 1, retained")]
    [InlineData(0, true, "", "QoS 0, clears the retained message")]
    public void Describes_qos_and_retain(int qos, bool retain, string payload, string expected)
    {
        // Arrange
        MessageRouted message = new(DateTimeOffset.UnixEpoch, "led", "phone", new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), qos, retain, ["esp32-a"], NearMiss: null);

        // Act
        string flags = PublishText.Flags(message);

        // Assert
        Assert.Equal(expected, flags);
    }

    [Theory]
    [InlineData(1, " — did you mean 'led' (1 subscriber)?")]
    [InlineData(2, " — did you mean 'led' (2 subscribers)?")]
    public void Phrases_the_near_miss_hint(int subscribers, string expected)
    {
        // Act
        string hint = PublishText.Hint(new NearMiss("led", subscribers));

        // Assert
        Assert.Equal(expected, hint);
    }
}
