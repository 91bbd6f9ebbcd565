using System.Text;

namespace Esp32Mqtt.Terminal;

/// <summary>Writes through to another writer, spelling the symbols of <see cref="AsciiSymbols"/> in ASCII.</summary>
internal sealed class AsciiSymbolWriter(TextWriter inner) : TextWriter(inner.FormatProvider)
{
    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        string? spelling = AsciiSymbols.SpellingOf(value);
        if (spelling is null)
        {
            inner.Write(value);
        }
        else
        {
            inner.Write(spelling);
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        inner.Write(value is null ? null : AsciiSymbols.Replace(value));
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count)
    {
        Write(new string(buffer, index, count));
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer)
    {
        Write(new string(buffer));
    }

    /// <inheritdoc />
    public override void WriteLine(string? value)
    {
        inner.WriteLine(value is null ? null : AsciiSymbols.Replace(value));
    }

    /// <inheritdoc />
    public override void Flush()
    {
        inner.Flush();
    }
}
