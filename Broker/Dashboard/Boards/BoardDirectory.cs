using System.Buffers;
using System.Text.Json;
using Esp32Mqtt.Broker.ConsoleLog;

namespace Esp32Mqtt.Broker.Dashboard.Boards;

/// <summary>
/// The boards the broker has seen on their topics (<see cref="BoardTopics"/>): status, LED, last error and telemetry.
/// A board is shown once it has published a status, and hidden again when its retained status is cleared. Safe to call
/// from MQTTnet's threads; each call is short.
/// </summary>
public sealed class BoardDirectory
{
    /// <summary>Characters kept of an error line or an unreadable telemetry payload.</summary>
    public const int LongestTextShown = 200;

    /// <summary>The largest telemetry payload read as JSON; the firmware's report is about 120 bytes.</summary>
    public const int LargestTelemetryBytes = 4_096;

    private const string OnlineWord = "online";

    private static readonly JsonSerializerOptions s_telemetryOptions = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict };

    private readonly object _gate = new();
    private readonly Dictionary<string, BoardState> _boards = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>Goes up by one on every change; a page compares it with the version it last drew.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Takes in a message published on <paramref name="topic"/>; topics of no board are ignored at once.</summary>
    public void Apply(string topic, ReadOnlySequence<byte> payload, DateTimeOffset time)
    {
        if (!BoardTopics.TryParse(topic, out string? boardId, out BoardTopicKind kind))
        {
            return;
        }

        string? text = Text(payload);
        BoardTelemetry? telemetry = kind == BoardTopicKind.Telemetry ? ReadTelemetry(payload) : null;
        lock (_gate)
        {
            if (!_boards.TryGetValue(boardId, out BoardState? board))
            {
                board = new BoardState(boardId);
                _boards.Add(boardId, board);
            }

            board.LastSeenAt = time;
            switch (kind)
            {
                case BoardTopicKind.Status:
                    // An empty retained payload clears the status: the board is forgotten until it reports again.
                    board.Status = payload.IsEmpty ? null : text ?? string.Empty;
                    break;
                case BoardTopicKind.LedState:
                    board.Led = payload.IsEmpty ? null : text;
                    break;
                case BoardTopicKind.Error:
                    board.LastError = text ?? $"{payload.Length} bytes of binary data";
                    board.LastErrorAt = time;
                    break;
                default:
                    board.Telemetry = telemetry;
                    board.TelemetryUnreadable = telemetry is null ? text ?? $"{payload.Length} bytes of binary data" : null;
                    board.TelemetryAt = time;
                    break;
            }

            _version++;
        }
    }

    /// <summary>Every retained message was cleared at once: statuses and LED states are unknown until boards report again.</summary>
    public void ForgetRetained()
    {
        lock (_gate)
        {
            foreach (BoardState board in _boards.Values)
            {
                board.Status = null;
                board.Led = null;
            }

            _version++;
        }
    }

    /// <summary>The boards that have a status, ordered by id.</summary>
    public IReadOnlyList<BoardView> Snapshot()
    {
        lock (_gate)
        {
            return
            [
                .. _boards.Values
                    .Where(board => board.Status is not null)
                    .OrderBy(board => board.Id, StringComparer.Ordinal)
                    .Select(board => new BoardView(
                        board.Id,
                        string.Equals(board.Status, OnlineWord, StringComparison.OrdinalIgnoreCase),
                        board.Status!,
                        board.Led,
                        board.LastError,
                        board.LastErrorAt,
                        board.Telemetry,
                        board.TelemetryUnreadable,
                        board.TelemetryAt,
                        board.LastSeenAt)),
            ];
        }
    }

    private static string? Text(ReadOnlySequence<byte> payload)
    {
        if (!PayloadPreview.TryDecodeText(payload, LongestTextShown, out string? text, out _))
        {
            return null;
        }

        text = text.Trim();
        return text.Length > LongestTextShown ? text[..LongestTextShown] + "…" : text;
    }

    private static BoardTelemetry? ReadTelemetry(ReadOnlySequence<byte> payload)
    {
        if (payload.IsEmpty || payload.Length > LargestTelemetryBytes)
        {
            return null;
        }

        try
        {
            Utf8JsonReader reader = new(payload);
            return JsonSerializer.Deserialize<BoardTelemetry>(ref reader, s_telemetryOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class BoardState(string id)
    {
        public string Id { get; } = id;

        public string? Status { get; set; }

        public string? Led { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset? LastErrorAt { get; set; }

        public BoardTelemetry? Telemetry { get; set; }

        public string? TelemetryUnreadable { get; set; }

        public DateTimeOffset? TelemetryAt { get; set; }

        public DateTimeOffset LastSeenAt { get; set; }
    }
}
