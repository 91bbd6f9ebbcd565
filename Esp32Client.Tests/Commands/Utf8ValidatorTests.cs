using System.Text;
using Esp32Client.Core;

namespace Esp32Client.Tests.Commands;

public sealed class Utf8ValidatorTests
{
    [Theory]
    [InlineData("on")]
    [InlineData("é")]
    [InlineData("€ ü ß")]
    [InlineData("😀")]
    [InlineData("\u07FF\u0800\uFFFD")]
    public void Accepts_well_formed_utf8(string text)
    {
        // Arrange
        byte[] bytes = Encoding.UTF8.GetBytes(text);

        // Act
        bool valid = Utf8Validator.IsValid(bytes, 0, bytes.Length);

        // Assert
        Assert.True(valid);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    [InlineData(new byte[] { 0xC1, 0xBF })]
    [InlineData(new byte[] { 0xE0, 0x80, 0xAF })]
    [InlineData(new byte[] { 0xF0, 0x80, 0x80, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xBF, 0xBF })]
    [InlineData(new byte[] { 0xF5, 0x80, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xBF })]
    [InlineData(new byte[] { 0xE2, 0x28, 0xA1 })]
    public void Rejects_truncated_overlong_surrogate_and_out_of_range_sequences(byte[] bytes)
    {
        // Act
        bool valid = Utf8Validator.IsValid(bytes, 0, bytes.Length);

        // Assert
        Assert.False(valid);
    }
}
