using System.Text;
using Esp32Mqtt.Broker.ConsoleLog;

namespace Esp32Mqtt.Broker.Tests.ConsoleLog;

public sealed class PayloadPreviewTests
{
    [Theory]
    [InlineData("on", "\"on\"")]
    [InlineData("", "(empty)")]
    [InlineData("{\"state\":\"ON\"}", "\"{\"state\":\"ON\"}\"")]
    [InlineData("line one\nline two", "\"line one\\nline two\"")]
    [InlineData("température 21°", "\"température 21°\"")]
    [InlineData("0123456789012345678901234567890123456789", "\"0123456789012345678901234567890123456789\"")]
    [InlineData("01234567890123456789012345678901234567890", "\"0123456789012345678901234567890123456789…\" (41 bytes)")]
    public void Shows_text_in_quotes_and_cuts_it_short(string payload, string expected)
    {
        // Act
        string preview = PayloadPreview.Format(Encoding.UTF8.GetBytes(payload));

        // Assert
        Assert.Equal(expected, preview);
    }

    [Fact]
    public void Counts_binary_payloads_instead_of_printing_them()
    {
        // Arrange
        byte[] payload = [0x00, 0xFF, 0x10, 0x80];

        // Act
        string preview = PayloadPreview.Format(payload);

        // Assert
        Assert.Equal("4 bytes of binary data", preview);
    }

    [Fact]
    public void Shows_the_start_of_a_long_text_without_decoding_all_of_it()
    {
        // Arrange
        byte[] payload = Encoding.UTF8.GetBytes(new string('x', 100_000));

        // Act
        string preview = PayloadPreview.Format(payload);

        // Assert
        Assert.Equal($"\"{new string('x', PayloadPreview.MaxCharacters)}…\" (100,000 bytes)", preview);
    }
}
