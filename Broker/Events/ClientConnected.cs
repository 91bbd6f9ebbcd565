using System.Net;

namespace Esp32Mqtt.Broker.Events;

/// <summary>A client's CONNECT was accepted.</summary>
/// <param name="Time">When the CONNACK was sent.</param>
/// <param name="ClientId">The client id, as sent or as the broker assigned it.</param>
/// <param name="Remote">The client's address and port.</param>
/// <param name="Protocol">"MQTT 3.1.1" or "MQTT 5.0".</param>
/// <param name="KeepAliveSeconds">The keep-alive it declared, 0 for none; null when unknown.</param>
/// <param name="WillTopic">Where its last will goes if it vanishes, or null for no will.</param>
/// <param name="UserName">The user name it logged in with, or null.</param>
/// <param name="CleanSession">Whether it started a new session (MQTT 3.1.1 clean session, MQTT 5 clean start).</param>
/// <param name="SessionResumed">Whether it took up a session kept for it while it was away, with its subscriptions and the messages queued meanwhile.</param>
public sealed record ClientConnected(
    DateTimeOffset Time,
    string ClientId,
    EndPoint? Remote,
    string Protocol,
    ushort? KeepAliveSeconds,
    string? WillTopic,
    string? UserName,
    bool CleanSession,
    bool SessionResumed) : TrafficEvent(Time);
