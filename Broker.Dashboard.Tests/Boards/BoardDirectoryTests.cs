using System.Buffers;
using System.Text;
using Esp32Mqtt.Broker.Dashboard.Boards;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Boards;

public sealed class BoardDirectoryTests
{
    private static readonly DateTimeOffset s_time = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Shows_a_board_once_it_has_reported_a_status()
    {
        // Arrange
        BoardDirectory boards = new();
        boards.Apply("esp32/kitchen/led/state", Payload("on"), s_time);

        // Act
        IReadOnlyList<BoardView> before = boards.Snapshot();
        boards.Apply("esp32/kitchen/status", Payload("online"), s_time);
        IReadOnlyList<BoardView> after = boards.Snapshot();

        // Assert
        Assert.Empty(before);
        BoardView kitchen = Assert.Single(after);
        Assert.Equal("kitchen", kitchen.Id);
        Assert.True(kitchen.Online);
        Assert.Equal("on", kitchen.Led);
    }

    [Theory]
    [InlineData("online", true)]
    [InlineData("ONLINE", true)]
    [InlineData("offline", false)]
    [InlineData("rebooting", false)]
    public void Is_online_only_while_its_status_says_online(string status, bool expectedOnline)
    {
        // Arrange
        BoardDirectory boards = new();

        // Act
        boards.Apply("esp32/kitchen/status", Payload(status), s_time);

        // Assert
        BoardView kitchen = Assert.Single(boards.Snapshot());
        Assert.Equal(expectedOnline, kitchen.Online);
        Assert.Equal(status, kitchen.Status);
    }

    [Fact]
    public void Follows_the_led_state_as_the_board_reports_it()
    {
        // Arrange
        BoardDirectory boards = new();
        boards.Apply("esp32/kitchen/status", Payload("online"), s_time);

        // Act
        boards.Apply("esp32/kitchen/led/state", Payload("on"), s_time);
        boards.Apply("esp32/kitchen/led/state", Payload("blinking"), s_time);

        // Assert
        Assert.Equal("blinking", Assert.Single(boards.Snapshot()).Led);
    }

    [Fact]
    public void Reads_the_firmware_telemetry_report()
    {
        // Arrange
        BoardDirectory boards = new();
        boards.Apply("esp32/kitchen/status", Payload("online"), s_time);

        // Act
        boards.Apply("esp32/kitchen/telemetry", Payload("{\"uptime_s\":3725,\"free_heap_bytes\":81234,\"wifi_rssi_dbm\":-61,\"ip\":\"192.168.1.57\",\"firmware\":\"esp32mqtt 1.2.0\"}"), s_time);

        // Assert
        BoardView kitchen = Assert.Single(boards.Snapshot());
        Assert.Equal(new BoardTelemetry(3725, 81234, -61, "192.168.1.57", "esp32mqtt 1.2.0"), kitchen.Telemetry);
        Assert.Null(kitchen.TelemetryUnreadable);
        Assert.Equal(s_time, kitchen.TelemetryAt);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"uptime_s\":\"soon\"}")]
    [InlineData("[1,2,3]")]
    public void Keeps_telemetry_it_cannot_read_as_text(string payload)
    {
        // Arrange
        BoardDirectory boards = new();
        boards.Apply("esp32/kitchen/status", Payload("online"), s_time);

        // Act
        boards.Apply("esp32/kitchen/telemetry", Payload(payload), s_time);

        // Assert
        BoardView kitchen = Assert.Single(boards.Snapshot());
        Assert.Null(kitchen.Telemetry);
        Assert.Equal(payload, kitchen.TelemetryUnreadable);
    }

    [Fact]
    public void Keeps_the_last_error_line_and_when_it_came()
    {
        // Arrange
        BoardDirectory boards = new();
        boards.Apply("esp32/kitchen/status", Payload("online"), s_time);

        // Act
        boards.Apply("esp32/kitchen/error", Payload("unknown command 'dance'"), s_time.AddSeconds(5));

        // Assert
        BoardView kitchen = Assert.Single(boards.Snapshot());
        Assert.Equal("unknown command 'dance'", kitchen.LastError);
        Assert.Equal(s_time.AddSeconds(5), kitchen.LastErrorAt);
    }

    [Fact]
    public void Forgets_a_board_whose_retained_status_is_cleared()
    {
        // Arrange
        BoardDirectory boards = new();
        boards.Apply("esp32/kitchen/status", Payload("offline"), s_time);
        boards.Apply("esp32/garden/status", Payload("online"), s_time);

        // Act
        boards.Apply("esp32/kitchen/status", ReadOnlySequence<byte>.Empty, s_time);

        // Assert
        Assert.Equal("garden", Assert.Single(boards.Snapshot()).Id);
    }

    [Fact]
    public void Forgets_every_status_when_all_retained_messages_are_cleared()
    {
        // Arrange
        BoardDirectory boards = new();
        boards.Apply("esp32/kitchen/status", Payload("online"), s_time);

        // Act
        boards.ForgetRetained();

        // Assert
        Assert.Empty(boards.Snapshot());
    }

    [Fact]
    public void Changes_its_version_on_every_board_report_and_on_nothing_else()
    {
        // Arrange
        BoardDirectory boards = new();
        long start = boards.Version;

        // Act
        boards.Apply("led", Payload("on"), s_time);
        long afterOtherTopic = boards.Version;
        boards.Apply("esp32/kitchen/status", Payload("online"), s_time);

        // Assert
        Assert.Equal(start, afterOtherTopic);
        Assert.Equal(start + 1, boards.Version);
    }

    [Fact]
    public void Lists_boards_by_id()
    {
        // Arrange
        BoardDirectory boards = new();

        // Act
        boards.Apply("esp32/kitchen/status", Payload("online"), s_time);
        boards.Apply("esp32/attic/status", Payload("online"), s_time);
        boards.Apply("esp32/garden/status", Payload("online"), s_time);

        // Assert
        Assert.Equal(["attic", "garden", "kitchen"], boards.Snapshot().Select(board => board.Id));
    }

    private static ReadOnlySequence<byte> Payload(string text)
    {
        return new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(text));
    }
}
