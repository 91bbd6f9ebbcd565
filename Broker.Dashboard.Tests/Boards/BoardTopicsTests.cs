using Esp32Mqtt.Broker.Dashboard.Boards;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Boards;

public sealed class BoardTopicsTests
{
    [Theory]
    [InlineData("esp32/kitchen/status", "kitchen", BoardTopicKind.Status)]
    [InlineData("esp32/kitchen/led/state", "kitchen", BoardTopicKind.LedState)]
    [InlineData("esp32/kitchen/error", "kitchen", BoardTopicKind.Error)]
    [InlineData("esp32/kitchen/telemetry", "kitchen", BoardTopicKind.Telemetry)]
    [InlineData("esp32/esp32-a1b2c3/status", "esp32-a1b2c3", BoardTopicKind.Status)]
    public void Finds_the_board_and_what_it_reported(string topic, string expectedId, BoardTopicKind expectedKind)
    {
        // Act
        bool found = BoardTopics.TryParse(topic, out string? boardId, out BoardTopicKind kind);

        // Assert
        Assert.True(found);
        Assert.Equal(expectedId, boardId);
        Assert.Equal(expectedKind, kind);
    }

    [Theory]
    [InlineData("led")]
    [InlineData("esp32/kitchen/led")]
    [InlineData("esp32//status")]
    [InlineData("esp32/a/b/status")]
    [InlineData("ESP32/kitchen/status")]
    [InlineData("esp32/status")]
    [InlineData("telemetry/board-01")]
    public void Ignores_topics_that_are_not_a_board_report(string topic)
    {
        // Act
        bool found = BoardTopics.TryParse(topic, out string? boardId, out _);

        // Assert
        Assert.False(found);
        Assert.Null(boardId);
    }
}
