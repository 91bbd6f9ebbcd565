namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>One connected client as the clients view lists it.</summary>
/// <param name="Id">Its client id.</param>
/// <param name="Address">Its address and port.</param>
/// <param name="Protocol">"MQTT 3.1.1" or "MQTT 5.0".</param>
/// <param name="ConnectedAt">When it connected.</param>
/// <param name="KeepAliveSeconds">The keep-alive it declared (0 for none), or null when the broker does not know it.</param>
/// <param name="WillTopic">Where its last will goes, or null for none (or unknown).</param>
/// <param name="UserName">The user name it logged in with, or null.</param>
public sealed record ClientView(
    string Id,
    string Address,
    string Protocol,
    DateTimeOffset ConnectedAt,
    int? KeepAliveSeconds,
    string? WillTopic,
    string? UserName);
