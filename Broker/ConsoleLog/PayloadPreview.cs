using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Esp32Mqtt.Broker.ConsoleLog;

/// <summary>A short, printable rendering of a payload for one log line: <c>"on"</c>, <c>"long text…" (1,234 bytes)</c> or <c>12 bytes of binary data</c>.</summary>
public static class PayloadPreview
{
    /// <summary>Characters of text shown before the preview is cut.</summary>
    public const int MaxCharacters = 40;

    // Enough bytes for MaxCharacters characters of any script (UTF-8 uses at most 4 bytes per character).
    private const int MaxBytesDecoded = MaxCharacters * 4;

    /// <summary>Renders a payload.</summary>
    public static string Format(ReadOnlySequence<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return "(empty)";
        }

        int decodedLength = (int)Math.Min(payload.Length, MaxBytesDecoded);
        Span<byte> bytes = stackalloc byte[decodedLength];
        payload.Slice(0, decodedLength).CopyTo(bytes);
        bool whole = decodedLength == payload.Length;
        char[] characters = new char[decodedLength];
        OperationStatus status = Utf8.ToUtf16(bytes, characters, out _, out int written, replaceInvalidSequences: false, isFinalBlock: whole);
        if (status == OperationStatus.InvalidData || !IsPrintable(characters.AsSpan(0, written)))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{payload.Length:N0} bytes of binary data");
        }

        string text = new string(characters, 0, written).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        if (whole && text.Length <= MaxCharacters)
        {
            return $"\"{text}\"";
        }

        return string.Create(CultureInfo.InvariantCulture, $"\"{text[..Math.Min(text.Length, MaxCharacters)]}…\" ({payload.Length:N0} bytes)");
    }

    /// <summary>Renders a payload given as bytes.</summary>
    public static string Format(byte[] payload)
    {
        return Format(new ReadOnlySequence<byte>(payload));
    }

    private static bool IsPrintable(ReadOnlySpan<char> text)
    {
        foreach (char character in text)
        {
            if (char.IsControl(character) && character is not ('\r' or '\n' or '\t'))
            {
                return false;
            }
        }

        return true;
    }
}
