using System.Text;
using Esp32Client.Core;

namespace Esp32Client.Tests.Commands;

public sealed class CommandParserTests
{
    private const string TextUsage = "use on, off, toggle, blink [count] [interval_ms] or ?";
    private const string JsonUsage = "use {\"state\":\"on\"|\"off\"|\"toggle\"} or {\"blink\":N,\"interval_ms\":MS}";

    [Theory]
    [InlineData("on", CommandKind.On)]
    [InlineData("ON", CommandKind.On)]
    [InlineData("On", CommandKind.On)]
    [InlineData("  on  ", CommandKind.On)]
    [InlineData("\ton\r\n", CommandKind.On)]
    [InlineData("1", CommandKind.On)]
    [InlineData("true", CommandKind.On)]
    [InlineData("TRUE", CommandKind.On)]
    [InlineData("off", CommandKind.Off)]
    [InlineData("OFF", CommandKind.Off)]
    [InlineData("0", CommandKind.Off)]
    [InlineData("false", CommandKind.Off)]
    [InlineData("False\n", CommandKind.Off)]
    [InlineData("toggle", CommandKind.Toggle)]
    [InlineData(" TOGGLE ", CommandKind.Toggle)]
    [InlineData("", CommandKind.Query)]
    [InlineData("   ", CommandKind.Query)]
    [InlineData("?", CommandKind.Query)]
    [InlineData(" ? \n", CommandKind.Query)]
    [InlineData("{\"state\":\"on\"}", CommandKind.On)]
    [InlineData("{\"state\":\"OFF\"}", CommandKind.Off)]
    [InlineData(" { \"state\" : \"Toggle\" } ", CommandKind.Toggle)]
    [InlineData("{\"state\":\"o\\u006e\"}", CommandKind.On)]
    [InlineData("{\"st\\u0061te\":\"off\"}", CommandKind.Off)]
    public void Accepts_every_documented_simple_form(string payload, CommandKind expected)
    {
        // Act
        bool parsed = CommandParser.TryParse(Encoding.UTF8.GetBytes(payload), out Command command, out string error);

        // Assert
        Assert.True(parsed, error);
        Assert.Equal(expected, command.Kind);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void Reads_a_missing_payload_as_a_query()
    {
        // Act
        bool parsed = CommandParser.TryParse(null!, out Command command, out _);

        // Assert
        Assert.True(parsed);
        Assert.Equal(CommandKind.Query, command.Kind);
    }

    [Theory]
    [InlineData("blink", 3, 250)]
    [InlineData("BLINK", 3, 250)]
    [InlineData("blink 5", 5, 250)]
    [InlineData("blink 5 100", 5, 100)]
    [InlineData("  Blink\t7   80 ", 7, 80)]
    [InlineData("blink 1", 1, 250)]
    [InlineData("blink 100", 100, 250)]
    [InlineData("blink 3 50", 3, 50)]
    [InlineData("blink 3 5000", 3, 5000)]
    [InlineData("blink 007", 7, 250)]
    [InlineData("{\"blink\":3}", 3, 250)]
    [InlineData("{\"blink\":5,\"interval_ms\":100}", 5, 100)]
    [InlineData("{\"interval_ms\":100,\"blink\":5}", 5, 100)]
    [InlineData("{\"blink\":1,\"interval_ms\":50}", 1, 50)]
    [InlineData("{\"blink\":100,\"interval_ms\":5000}", 100, 5000)]
    public void Accepts_blink_with_count_and_interval_in_range(string payload, int count, int interval)
    {
        // Act
        bool parsed = CommandParser.TryParse(Encoding.UTF8.GetBytes(payload), out Command command, out string error);

        // Assert
        Assert.True(parsed, error);
        Assert.Equal(CommandKind.Blink, command.Kind);
        Assert.Equal(count, command.BlinkCount);
        Assert.Equal(interval, command.BlinkIntervalMilliseconds);
    }

    public static TheoryData<string, string> BadTextPayloads => new()
    {
        { "onn", "unknown command \"onn\": " + TextUsage },
        { "blnk", "unknown command \"blnk\": " + TextUsage },
        { "offf", "unknown command \"offf\": " + TextUsage },
        { "lights on", "unknown command \"lights on\": " + TextUsage },
        { "[1,2]", "unknown command \"[1,2]\": " + TextUsage },
        { "on\0", "unknown command \"on?\": " + TextUsage },
        { "please turn the led on right now, thanks", "unknown command \"please turn the led on right now...\": " + TextUsage },
        { "on please", "unexpected \"please\" after \"on\": " + TextUsage },
        { "? now", "unexpected \"now\" after \"?\": " + TextUsage },
        { "blink -1", "blink count must be a whole number from 1 to 100, got \"-1\"" },
        { "blink 0", "blink count must be a whole number from 1 to 100, got \"0\"" },
        { "blink 101", "blink count must be a whole number from 1 to 100, got \"101\"" },
        { "blink 2.5", "blink count must be a whole number from 1 to 100, got \"2.5\"" },
        { "blink three", "blink count must be a whole number from 1 to 100, got \"three\"" },
        { "blink 99999999999", "blink count must be a whole number from 1 to 100, got \"99999999999\"" },
        { "blink 3 x", "blink interval_ms must be a whole number from 50 to 5000, got \"x\"" },
        { "blink 3 49", "blink interval_ms must be a whole number from 50 to 5000, got \"49\"" },
        { "blink 3 5001", "blink interval_ms must be a whole number from 50 to 5000, got \"5001\"" },
        { "blink 3 100 7", "unexpected \"7\": blink takes at most a count and an interval, blink [count] [interval_ms]" },
    };

    [Theory]
    [MemberData(nameof(BadTextPayloads))]
    public void Rejects_bad_text_with_an_error_that_names_the_problem(string payload, string expectedError)
    {
        // Act
        bool parsed = CommandParser.TryParse(Encoding.UTF8.GetBytes(payload), out _, out string error);

        // Assert
        Assert.False(parsed);
        Assert.Equal(expectedError, error);
    }

    public static TheoryData<string, string> BadJsonPayloads => new()
    {
        { "{\"state\":\"on\"", "invalid JSON: the text ends where ',' or '}' was expected: " + JsonUsage },
        { "{\"state\" \"on\"}", "invalid JSON at byte 10, expected ':': " + JsonUsage },
        { "{state:\"on\"}", "invalid JSON at byte 2, expected a key in double quotes: " + JsonUsage },
        { "{\"state\":\"on\",}", "invalid JSON at byte 15, expected a key in double quotes: " + JsonUsage },
        { "{\"state\":nul}", "invalid JSON at byte 10, expected a value (a string, a number, true, false or null): " + JsonUsage },
        { "{\"blink\":-}", "invalid JSON at byte 11, expected a digit: " + JsonUsage },
        { "{\"state\":\"o\\x\"}", "invalid JSON at byte 13, expected an escape sequence (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX): " + JsonUsage },
        { "{\"state\":\"o\nn\"}", "invalid JSON at byte 12, expected '\"' (control characters in strings must be escaped): " + JsonUsage },
        { "{\"state\":\"on\"} extra", "unexpected \"extra\" after the JSON object: " + JsonUsage },
        { "{\"state\":\"maybe\"}", "\"state\" must be \"on\", \"off\" or \"toggle\", got \"maybe\"" },
        { "{\"state\":1}", "\"state\" must be \"on\", \"off\" or \"toggle\", got 1" },
        { "{\"state\":true}", "\"state\" must be \"on\", \"off\" or \"toggle\", got true" },
        { "{\"state\":{\"x\":1}}", "\"state\" must be \"on\", \"off\" or \"toggle\", got an object" },
        { "{\"blink\":\"3\"}", "\"blink\" must be a whole number from 1 to 100, got \"3\"" },
        { "{\"blink\":0}", "\"blink\" must be a whole number from 1 to 100, got 0" },
        { "{\"blink\":101}", "\"blink\" must be a whole number from 1 to 100, got 101" },
        { "{\"blink\":2.5}", "\"blink\" must be a whole number from 1 to 100, got 2.5" },
        { "{\"blink\":[3]}", "\"blink\" must be a whole number from 1 to 100, got an array" },
        { "{\"blink\":3,\"interval_ms\":49}", "\"interval_ms\" must be a whole number from 50 to 5000, got 49" },
        { "{\"blink\":3,\"interval_ms\":5001}", "\"interval_ms\" must be a whole number from 50 to 5000, got 5001" },
        { "{\"blink\":3,\"interval_ms\":null}", "\"interval_ms\" must be a whole number from 50 to 5000, got null" },
        { "{\"state\":\"on\",\"blink\":3}", "use \"state\" or \"blink\", not both: " + JsonUsage },
        { "{\"state\":\"on\",\"state\":\"off\"}", "JSON key \"state\" appears twice: " + JsonUsage },
        { "{}", "JSON command needs \"state\" or \"blink\": " + JsonUsage },
        { "{\"color\":\"red\"}", "unknown JSON key \"color\": " + JsonUsage },
        { "{\"State\":\"on\"}", "unknown JSON key \"State\": " + JsonUsage },
        { "{\"interval_ms\":100}", "\"interval_ms\" needs \"blink\": use {\"blink\":N,\"interval_ms\":MS}" },
        { "{\"state\":\"on\",\"interval_ms\":100}", "\"interval_ms\" needs \"blink\": use {\"blink\":N,\"interval_ms\":MS}" },
    };

    [Theory]
    [MemberData(nameof(BadJsonPayloads))]
    public void Rejects_broken_or_wrongly_typed_json_with_an_error_that_names_the_problem(string payload, string expectedError)
    {
        // Act
        bool parsed = CommandParser.TryParse(Encoding.UTF8.GetBytes(payload), out _, out string error);

        // Assert
        Assert.False(parsed);
        Assert.Equal(expectedError, error);
    }

    public static TheoryData<byte[]> PayloadsThatAreNotUtf8 => new()
    {
        new byte[] { 0xFF, 0xFE },
        new byte[] { (byte)'o', (byte)'n', 0xC3 },
        new byte[] { 0xC0, 0xAF },
        new byte[] { 0xED, 0xA0, 0x80 },
        new byte[] { 0xF4, 0x90, 0x80, 0x80 },
        new byte[] { 0x80, (byte)'o', (byte)'n' },
    };

    [Theory]
    [MemberData(nameof(PayloadsThatAreNotUtf8))]
    public void Rejects_bytes_that_are_not_utf8(byte[] payload)
    {
        // Act
        bool parsed = CommandParser.TryParse(payload, out _, out string error);

        // Assert
        Assert.False(parsed);
        Assert.Equal("payload is not valid UTF-8 text: " + TextUsage, error);
    }

    [Fact]
    public void Rejects_ten_kilobytes_of_text_without_reading_it()
    {
        // Arrange
        byte[] payload = Encoding.UTF8.GetBytes(new string('x', 10 * 1024));

        // Act
        bool parsed = CommandParser.TryParse(payload, out _, out string error);

        // Assert
        Assert.False(parsed);
        Assert.Equal("payload is too long (10240 bytes, at most 256): " + TextUsage, error);
    }

    [Fact]
    public void Accepts_multibyte_text_in_an_error_quote_without_cutting_a_character()
    {
        // Arrange: 31 ASCII bytes then 'é' (2 bytes): the 32-byte cut would split it, so the quote stops before it.
        string payload = new string('a', 31) + "é and more";

        // Act
        CommandParser.TryParse(Encoding.UTF8.GetBytes(payload), out _, out string error);

        // Assert
        Assert.Equal("unknown command \"" + new string('a', 31) + "...\": " + TextUsage, error);
    }
}
