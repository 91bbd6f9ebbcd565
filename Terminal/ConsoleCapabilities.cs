namespace Esp32Mqtt.Terminal;

/// <summary>What this process's standard output can show, decided once at start from what the process observes.</summary>
/// <param name="Unicode">
/// Whether the output's encoding carries every character (UTF-8, UTF-16, UTF-32): the arrows and LED glyphs are
/// written as they are; otherwise as their ASCII spellings (<see cref="AsciiSymbols"/>).
/// </param>
/// <param name="Interactive">Whether a person watches it on a terminal, where a line can be redrawn in place.</param>
/// <param name="Colour">Whether colours may be set.</param>
internal sealed record ConsoleCapabilities(bool Unicode, bool Interactive, bool Colour)
{
    // Encoding.CodePage of UTF-8, UTF-16 (little and big endian) and UTF-32 (little and big endian).
    private static readonly int[] s_unicodeCodePages = [65001, 1200, 1201, 12000, 12001];

    /// <summary>
    /// Decides from the observations: whether standard output is redirected (a file, a pipe, a service's null
    /// device), the code page it is encoded in, and the NO_COLOR and TERM environment variables.
    /// </summary>
    public static ConsoleCapabilities Decide(bool outputRedirected, int outputCodePage, string? noColor, string? term)
    {
        // TERM=dumb declares a terminal without cursor control (Emacs' shell, some IDE panes): plain lines there.
        bool interactive = !outputRedirected && !string.Equals(term, "dumb", StringComparison.Ordinal);

        // https://no-color.org: NO_COLOR, when present and not empty, turns colour off whatever its value.
        bool colour = interactive && string.IsNullOrEmpty(noColor);
        return new ConsoleCapabilities(Array.IndexOf(s_unicodeCodePages, outputCodePage) >= 0, interactive, colour);
    }
}
