namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>A client that is away while the broker keeps its session: its subscriptions stay, and messages for them queue.</summary>
/// <param name="Id">Its client id.</param>
/// <param name="OfflineSince">When its connection ended.</param>
/// <param name="ExpiresAt">When the broker deletes the session, or null for never.</param>
/// <param name="QueuedMessages">Messages waiting for it.</param>
public sealed record OfflineClientView(string Id, DateTimeOffset OfflineSince, DateTimeOffset? ExpiresAt, long QueuedMessages);
