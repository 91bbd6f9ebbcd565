using System.Collections.Concurrent;

namespace Esp32Mqtt.TestSupport;

/// <summary>A console input for the in-process broker: lines typed by the test, and an end of input like a closed stdin.</summary>
public sealed class ConsoleInput : TextReader
{
    private readonly BlockingCollection<string> _lines = [];

    /// <summary>Types one line.</summary>
    public void Type(string line)
    {
        _lines.Add(line);
    }

    /// <summary>Ends the input, as when standard input is closed.</summary>
    public void EndInput()
    {
        if (!_lines.IsAddingCompleted)
        {
            _lines.CompleteAdding();
        }
    }

    /// <inheritdoc />
    public override string? ReadLine()
    {
        return _lines.TryTake(out string? line, Timeout.Infinite) ? line : null;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            EndInput();
        }

        base.Dispose(disposing);
    }
}
