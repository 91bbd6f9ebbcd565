using System.Text;
using Esp32Mqtt.TestSupport;

namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>
/// Every class of bad payload from the firmware's command-grammar tests, sent over real MQTT to a running simulated
/// board: each gets its one-line error on <c>esp32/&lt;id&gt;/error</c>, the LED and its state stay as they were, and
/// the board keeps answering.
/// </summary>
public sealed class BadPayloadTests(BoardOnBrokerFixture fixture) : IClassFixture<BoardOnBrokerFixture>
{
    private const string TextUsage = "use on, off, toggle, blink [count] [interval_ms] or ?";
    private const string JsonUsage = "use {\"state\":\"on\"|\"off\"|\"toggle\"} or {\"blink\":N,\"interval_ms\":MS}";

    public static TheoryData<string, byte[], string> BadPayloads => new()
    {
        { "an unknown word", Text("blnk"), "unknown command \"blnk\": " + TextUsage },
        { "a word with an argument it does not take", Text("on please"), "unexpected \"please\" after \"on\": " + TextUsage },
        { "a blink count out of range", Text("blink 101"), "blink count must be a whole number from 1 to 100, got \"101\"" },
        { "a negative blink count", Text("blink -1"), "blink count must be a whole number from 1 to 100, got \"-1\"" },
        { "a blink interval out of range", Text("blink 3 49"), "blink interval_ms must be a whole number from 50 to 5000, got \"49\"" },
        { "a blink interval that is not a number", Text("blink 3 x"), "blink interval_ms must be a whole number from 50 to 5000, got \"x\"" },
        { "too many blink arguments", Text("blink 3 100 7"), "unexpected \"7\": blink takes at most a count and an interval, blink [count] [interval_ms]" },
        { "broken JSON", Text("{\"state\":\"on\""), "invalid JSON: the text ends where ',' or '}' was expected: " + JsonUsage },
        { "wrongly typed JSON", Text("{\"blink\":\"3\"}"), "\"blink\" must be a whole number from 1 to 100, got \"3\"" },
        { "an unknown JSON key", Text("{\"color\":\"red\"}"), "unknown JSON key \"color\": " + JsonUsage },
        { "state and blink together", Text("{\"state\":\"on\",\"blink\":3}"), "use \"state\" or \"blink\", not both: " + JsonUsage },
        { "bytes that are not UTF-8", [0xFF, 0xFE, 0x6F, 0x6E], "payload is not valid UTF-8 text: " + TextUsage },
        { "10 KB of text", Text(new string('x', 10 * 1024)), "payload is too long (10240 bytes, at most 256): " + TextUsage },
    };

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public async Task Answers_a_bad_payload_with_its_error_and_changes_nothing(string what, byte[] payload, string expectedError)
    {
        // Arrange
        SimulatorProcess board = fixture.Board;
        TopicWatcher watcher = fixture.Watcher;
        int mark = watcher.Messages.Count;

        // Act
        await watcher.PublishAsync("led", payload);
        await watcher.WaitForAsync(board.Topics.Error, expectedError, since: mark);

        // Assert: the board still answers, and a query reports the state it had: nothing changed in between.
        await watcher.PublishAsync(board.Topics.Led, Text("?"));
        await watcher.WaitForAsync(board.Topics.LedState, "on", since: mark);
        Assert.True(
            watcher.Messages.Skip(mark).Count(message => message.Topic == board.Topics.LedState) == 1,
            $"{what} changed the state: {string.Join(", ", watcher.Messages.Skip(mark).Select(message => message.Topic + " " + message.Payload))}");
        Assert.Equal(true, board.Led);
    }

    private static byte[] Text(string text)
    {
        return Encoding.UTF8.GetBytes(text);
    }
}
