namespace Esp32Mqtt.Broker.Dashboard.Boards;

/// <summary>Which of its topics a board published on.</summary>
public enum BoardTopicKind
{
    /// <summary><c>esp32/&lt;id&gt;/status</c>: retained <c>online</c>, or <c>offline</c> (also its last will).</summary>
    Status,

    /// <summary><c>esp32/&lt;id&gt;/led/state</c>: retained <c>on</c>, <c>off</c> or <c>blinking</c>.</summary>
    LedState,

    /// <summary><c>esp32/&lt;id&gt;/error</c>: one line about a command it rejected.</summary>
    Error,

    /// <summary><c>esp32/&lt;id&gt;/telemetry</c>: its JSON health report.</summary>
    Telemetry,
}
