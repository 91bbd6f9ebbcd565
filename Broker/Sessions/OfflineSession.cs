namespace Esp32Mqtt.Broker.Sessions;

/// <summary>A session kept for a client that is not connected: its subscriptions stay, and messages for them queue.</summary>
/// <param name="ClientId">The client the session belongs to.</param>
/// <param name="OfflineSince">When its connection ended.</param>
/// <param name="ExpiresAt">When the broker deletes it, or null when it never expires.</param>
public sealed record OfflineSession(string ClientId, DateTimeOffset OfflineSince, DateTimeOffset? ExpiresAt);
