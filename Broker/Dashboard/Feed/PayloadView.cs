using System.Buffers;
using Esp32Mqtt.Broker.ConsoleLog;

namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>A payload as the page shows it: its text (cut to <see cref="LongestTextShown"/> characters), or null for binary data.</summary>
/// <param name="Text">The text, or null when the payload is not printable UTF-8 text.</param>
/// <param name="Bytes">The payload's full size.</param>
/// <param name="Cut">Whether <paramref name="Text"/> is only the start of the payload.</param>
public sealed record PayloadView(string? Text, long Bytes, bool Cut)
{
    /// <summary>Characters of a payload sent to the page.</summary>
    public const int LongestTextShown = 300;

    /// <summary>Describes <paramref name="payload"/>.</summary>
    public static PayloadView Of(ReadOnlySequence<byte> payload)
    {
        if (!PayloadPreview.TryDecodeText(payload, LongestTextShown, out string? text, out bool whole))
        {
            return new PayloadView(null, payload.Length, Cut: false);
        }

        bool cut = !whole || text.Length > LongestTextShown;
        return new PayloadView(cut ? text[..Math.Min(text.Length, LongestTextShown)] : text, payload.Length, cut);
    }
}
