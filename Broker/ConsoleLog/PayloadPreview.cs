using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Unicode;

namespace Esp32Mqtt.Broker.ConsoleLog;

/// <summary>A short, printable rendering of a payload for one log line: <c>"on"</c>, <c>"long text…" (1,234 bytes)</c> or <c>12 bytes of binary data</c>.</summary>
public static class PayloadPreview
{
    /// <summary>Characters of text shown before the preview is cut.</summary>
    public const int MaxCharacters = 40;

    private const int MaxBytesOnStack = 1_024;

    /// <summary>Renders a payload.</summary>
    public static string Format(ReadOnlySequence<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return "(empty)";
        }

        if (!TryDecodeText(payload, MaxCharacters, out string? decoded, out bool whole))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{payload.Length:N0} bytes of binary data");
        }

        string text = decoded.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        if (whole && text.Length <= MaxCharacters)
        {
            return $"\"{text}\"";
        }

        return string.Create(CultureInfo.InvariantCulture, $"\"{text[..Math.Min(text.Length, MaxCharacters)]}…\" ({payload.Length:N0} bytes)");
    }

    /// <summary>
    /// Decodes the start of a payload as UTF-8 text: enough bytes for <paramref name="maxCharacters"/> characters of any
    /// script, so <paramref name="text"/> may be longer than that and the caller cuts it. False for binary data: invalid
    /// UTF-8, or control characters other than line breaks and tabs.
    /// </summary>
    public static bool TryDecodeText(ReadOnlySequence<byte> payload, int maxCharacters, [NotNullWhen(true)] out string? text, out bool whole)
    {
        // UTF-8 uses at most 4 bytes per character.
        int decodedLength = (int)Math.Min(payload.Length, maxCharacters * 4L);
        Span<byte> bytes = decodedLength <= MaxBytesOnStack ? stackalloc byte[decodedLength] : new byte[decodedLength];
        payload.Slice(0, decodedLength).CopyTo(bytes);
        whole = decodedLength == payload.Length;
        char[] characters = new char[decodedLength];
        OperationStatus status = Utf8.ToUtf16(bytes, characters, out _, out int written, replaceInvalidSequences: false, isFinalBlock: whole);
        if (status == OperationStatus.InvalidData || !IsPrintable(characters.AsSpan(0, written)))
        {
            text = null;
            return false;
        }

        text = new string(characters, 0, written);
        return true;
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
