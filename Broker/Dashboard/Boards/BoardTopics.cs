using System.Diagnostics.CodeAnalysis;

namespace Esp32Mqtt.Broker.Dashboard.Boards;

/// <summary>
/// The topics a board publishes on, as the firmware defines them (Esp32Client/Core/Device/DeviceTopics.cs):
/// <c>esp32/&lt;id&gt;/status</c>, <c>esp32/&lt;id&gt;/led/state</c>, <c>esp32/&lt;id&gt;/error</c> and
/// <c>esp32/&lt;id&gt;/telemetry</c>.
/// </summary>
public static class BoardTopics
{
    /// <summary>Start of every board's topics.</summary>
    public const string Prefix = "esp32/";

    private const string StatusSuffix = "/status";
    private const string LedStateSuffix = "/led/state";
    private const string ErrorSuffix = "/error";
    private const string TelemetrySuffix = "/telemetry";

    /// <summary>Whether <paramref name="topic"/> is one a board publishes on, and for which board and what.</summary>
    public static bool TryParse(string topic, [NotNullWhen(true)] out string? boardId, out BoardTopicKind kind)
    {
        boardId = null;
        kind = default;
        if (!topic.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        (string suffix, BoardTopicKind kind)[] suffixes =
        [
            (StatusSuffix, BoardTopicKind.Status),
            (LedStateSuffix, BoardTopicKind.LedState),
            (ErrorSuffix, BoardTopicKind.Error),
            (TelemetrySuffix, BoardTopicKind.Telemetry),
        ];
        foreach ((string suffix, BoardTopicKind candidate) in suffixes)
        {
            if (topic.Length <= Prefix.Length + suffix.Length || !topic.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            string id = topic[Prefix.Length..^suffix.Length];
            if (id.Contains('/', StringComparison.Ordinal))
            {
                return false;
            }

            boardId = id;
            kind = candidate;
            return true;
        }

        return false;
    }
}
