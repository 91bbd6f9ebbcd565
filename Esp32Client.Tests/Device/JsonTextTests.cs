using System.Text.Json;
using Esp32Client.Core;

namespace Esp32Client.Tests.Device;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" and backslash \\")]
    [InlineData("control \n\t\u0001 characters")]
    [InlineData("")]
    public void Writes_strings_that_a_json_reader_reads_back_unchanged(string text)
    {
        // Act
        string literal = JsonText.Quote(text);

        // Assert
        using JsonDocument document = JsonDocument.Parse(literal);
        Assert.Equal(text, document.RootElement.GetString());
    }

    [Fact]
    public void Escapes_control_characters_as_unicode_escapes()
    {
        // Act
        string literal = JsonText.Quote("a\u0001b");

        // Assert
        Assert.Equal("\"a\\u0001b\"", literal);
    }
}
