using System.Globalization;
using System.Text;

namespace Esp32Client.Simulator.Display;

/// <summary>
/// Everything the simulator prints: log lines, and the LED drawn as a glyph. On a terminal the LED is one line kept at
/// the bottom and redrawn in place, in colour; when output is redirected (logs, CI) each change is one plain line.
/// All output goes through one lock, so lines never interleave.
/// </summary>
public sealed class ConsoleView
{
    private const string OnGlyph = "●";
    private const string OffGlyph = "○";

    private readonly object _sync = new();
    private readonly TextWriter _output;
    private readonly bool _interactive;
    private readonly bool _colour;
    private bool? _led;
    private int _ledLineLength;

    /// <summary>Creates a view over <paramref name="output"/>.</summary>
    public ConsoleView(TextWriter output, bool interactive, bool colour)
    {
        _output = output;
        _interactive = interactive;
        _colour = colour;
    }

    /// <summary>The view for this process's console: in place and coloured on a terminal, plain lines otherwise.</summary>
    public static ConsoleView ForCurrentConsole()
    {
        bool interactive = !Console.IsOutputRedirected;
        bool colour = interactive
            && Environment.GetEnvironmentVariable("NO_COLOR") is null
            && Environment.GetEnvironmentVariable("TERM") != "dumb";
        if (interactive)
        {
            // The glyphs need UTF-8 on consoles that default to an 8-bit code page (Windows).
            Console.OutputEncoding = Encoding.UTF8;
        }

        return new ConsoleView(Console.Out, interactive, colour);
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
                _output.WriteLine(Timestamp() + " LED " + (on ? OnGlyph + " on" : OffGlyph + " off"));
            }

            _output.Flush();
        }
    }

    private void DrawLed(bool on)
    {
        string label = on ? " ON " : " off";
        _output.Write("LED ");
        if (_colour)
        {
            Console.ForegroundColor = on ? ConsoleColor.Yellow : ConsoleColor.DarkGray;
        }

        _output.Write(on ? OnGlyph : OffGlyph);
        _output.Write(label);
        if (_colour)
        {
            Console.ResetColor();
        }

        _ledLineLength = "LED ".Length + 1 + label.Length;
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
