namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>The event types of a page's feed (the SSE <c>event:</c> field), one per kind of message as the page handles them.</summary>
public static class FeedEventNames
{
    /// <summary>A <see cref="BrokerInfo"/>: the first event of every connection; the page starts afresh.</summary>
    public const string Hello = "hello";

    /// <summary>Every board (<see cref="Boards.BoardView"/>).</summary>
    public const string Boards = "boards";

    /// <summary>A <see cref="FlowBatch"/>: messages routed since the last one.</summary>
    public const string Flow = "flow";

    /// <summary>A <see cref="ClientsView"/>.</summary>
    public const string Clients = "clients";

    /// <summary>A <see cref="RetainedView"/>.</summary>
    public const string Retained = "retained";

    /// <summary>Nothing changed for a while; sent so a dead connection is noticed on both ends.</summary>
    public const string Heartbeat = "heartbeat";
}
