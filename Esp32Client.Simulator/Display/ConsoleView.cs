using System.Globalization;
using Esp32Mqtt.Terminal;

namespace Esp32Client.Simulator.Display;

/// <summary>
/// Everything the simulator prints: log lines, and the LED drawn as a glyph. On a terminal the LED is one line kept at
/// the bottom and redrawn in place (a carriage return and spaces, which every console honours), in colour; when output
/// is redirected (logs, CI) each change is one plain line. Where the output cannot carry the glyphs, they are spelled
/// in ASCII. All output goes through one lock, so lines never interleave.
/// </summary>
public sealed class ConsoleView
{
    private const string LedLabel = "LED ";
    private const string OnGlyph = "●";
    private const string OffGlyph = "○";

    private readonly object _sync = new();
    private readonly TextWriter _output;
    private readonly bool _interactive;
    private readonly bool _colour;
    private readonly string _onGlyph;
    private readonly string _offGlyph;
    private bool? _led;
    private int _ledLineLength;

    /// <summary>Creates a view over <paramref name="output"/>, drawn as <paramref name="capabilities"/> allow.</summary>
    internal ConsoleView(TextWriter output, ConsoleCapabilities capabilities)
    {
        _output = output;
        _interactive = capabilities.Interactive;
        _colour = capabilities.Colour;
        _onGlyph = capabilities.Unicode ? OnGlyph : AsciiSymbols.Replace(OnGlyph);
        _offGlyph = capabilities.Unicode ? OffGlyph : AsciiSymbols.Replace(OffGlyph);
    }

    /// <summary>
    /// The view for this process's console. Colours go through <see cref="Console.ForegroundColor"/>, which .NET sets
    /// with the console API on Windows (SetConsoleTextAttribute, ConsolePal.Windows.cs) and with the terminal's own
    /// sequences elsewhere, so a Windows console without escape-sequence support shows them too.
    /// </summary>
    internal static ConsoleView ForCurrentConsole(ConsoleCapabilities capabilities)
    {
        return new ConsoleView(Console.Out, capabilities);
    }

    /// <summary>Prints one line, stamped with the time.</summary>
    public void WriteLine(string text)
    {
        lock (_sync)
        {
            if (_interactive && _led is not null)
            {
                ClearLedLine();
            }

            _output.WriteLine(Timestamp() + " " + text);
            if (_interactive && _led is bool on)
            {
                DrawLed(on);
            }

            _output.Flush();
        }
    }

    /// <summary>Shows the LED's new level; repeats of the same level print nothing.</summary>
    public void ShowLed(bool on)
    {
        lock (_sync)
        {
            if (_led == on)
            {
                return;
            }

            _led = on;
            if (_interactive)
            {
                ClearLedLine();
                DrawLed(on);
            }
            else
            {
                _output.WriteLine(Timestamp() + " " + LedLabel + (on ? _onGlyph + " on" : _offGlyph + " off"));
            }

            _output.Flush();
        }
    }

    private void DrawLed(bool on)
    {
        string glyph = on ? _onGlyph : _offGlyph;
        string label = on ? " ON " : " off";
        _output.Write(LedLabel);
        if (_colour)
        {
            Console.ForegroundColor = on ? ConsoleColor.Yellow : ConsoleColor.DarkGray;
        }

        _output.Write(glyph);
        _output.Write(label);
        if (_colour)
        {
            Console.ResetColor();
        }

        _ledLineLength = LedLabel.Length + glyph.Length + label.Length;
    }

    private void ClearLedLine()
    {
        _output.Write("\r" + new string(' ', _ledLineLength) + "\r");
    }

    private static string Timestamp()
    {
        return DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
