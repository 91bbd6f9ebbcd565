namespace Esp32Mqtt.Broker.Dashboard.Boards;

/// <summary>One board as the dashboard draws it.</summary>
/// <param name="Id">The board's id, the second level of its topics.</param>
/// <param name="Online">Whether its last status was <c>online</c>.</param>
/// <param name="Status">Its last status as sent.</param>
/// <param name="Led">Its LED as last reported (<c>on</c>, <c>off</c>, <c>blinking</c>), or null before the first report.</param>
/// <param name="LastError">The last line it published on its error topic, or null.</param>
/// <param name="LastErrorAt">When that error arrived.</param>
/// <param name="Telemetry">Its last health report, or null before the first one.</param>
/// <param name="TelemetryUnreadable">The last telemetry payload, when it was not the JSON the firmware sends.</param>
/// <param name="TelemetryAt">When the last telemetry arrived.</param>
/// <param name="LastSeenAt">When the broker last saw anything from or about it.</param>
public sealed record BoardView(
    string Id,
    bool Online,
    string Status,
    string? Led,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    BoardTelemetry? Telemetry,
    string? TelemetryUnreadable,
    DateTimeOffset? TelemetryAt,
    DateTimeOffset LastSeenAt);
