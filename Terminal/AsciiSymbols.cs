using System.Text;

namespace Esp32Mqtt.Terminal;

/// <summary>
/// The ASCII spellings of the few symbols outside ASCII that our programs print (the routing arrows, the dash of a
/// near miss, the ellipsis of a cut payload, the LED glyphs), for an output that cannot carry them.
/// </summary>
internal static class AsciiSymbols
{
    /// <summary>Replaces each known symbol in <paramref name="text"/> with its ASCII spelling; everything else is kept.</summary>
    public static string Replace(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        StringBuilder replaced = new(text.Length + 8);
        foreach (char character in text)
        {
            string? spelling = SpellingOf(character);
            if (spelling is null)
            {
                replaced.Append(character);
            }
            else
            {
                replaced.Append(spelling);
            }
        }

        return replaced.ToString();
    }

    /// <summary>The ASCII spelling of <paramref name="symbol"/>, or null when it has none here.</summary>
    public static string? SpellingOf(char symbol)
    {
        return symbol switch
        {
            '\u2190' => "<-", // ← LEFTWARDS ARROW
            '\u2192' => "->", // → RIGHTWARDS ARROW
            '\u2014' => "--", // — EM DASH
            '\u2026' => "...", // … HORIZONTAL ELLIPSIS
            '\u25CF' => "(*)", // ● BLACK CIRCLE: the LED on
            '\u25CB' => "( )", // ○ WHITE CIRCLE: the LED off
            _ => null,
        };
    }
}
