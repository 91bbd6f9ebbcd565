using Esp32Mqtt.Terminal;

namespace Esp32Mqtt.Broker.Tests.Terminal;

public sealed class ConsoleCapabilitiesTests
{
    private const int Utf8 = 65001;
    private const int Utf16 = 1200;
    private const int OemUnitedStates = 437;
    private const int OemWesternEurope = 850;
    private const int AnsiWesternEurope = 1252;
    private const int Latin1 = 28591;

    [Theory]
    [InlineData(Utf8, true)]
    [InlineData(Utf16, true)]
    [InlineData(OemUnitedStates, false)]
    [InlineData(OemWesternEurope, false)]
    [InlineData(AnsiWesternEurope, false)]
    [InlineData(Latin1, false)]
    [InlineData(0, false)]
    public void Shows_the_symbols_only_in_a_unicode_encoding(int codePage, bool unicode)
    {
        // Act
        ConsoleCapabilities capabilities = ConsoleCapabilities.Decide(outputRedirected: false, codePage, noColor: null, term: null);

        // Assert
        Assert.Equal(unicode, capabilities.Unicode);
    }

    [Theory]
    [InlineData(false, null, null, true, true)]
    [InlineData(false, null, "xterm-256color", true, true)]
    [InlineData(false, "1", null, true, false)]
    [InlineData(false, "", null, true, true)]
    [InlineData(false, null, "dumb", false, false)]
    [InlineData(true, null, null, false, false)]
    [InlineData(true, null, "xterm-256color", false, false)]
    public void Redraws_and_colours_only_on_a_terminal_that_allows_it(bool outputRedirected, string? noColor, string? term, bool interactive, bool colour)
    {
        // Act
        ConsoleCapabilities capabilities = ConsoleCapabilities.Decide(outputRedirected, Utf8, noColor, term);

        // Assert
        Assert.Equal((interactive, colour), (capabilities.Interactive, capabilities.Colour));
    }
}
