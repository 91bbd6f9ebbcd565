namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>What a page shows about the broker itself; sent first on every (re)connection of its feed.</summary>
/// <param name="Started">When this broker process started: a page sees a restart by it changing.</param>
/// <param name="MqttPort">The port boards connect to.</param>
/// <param name="BoardAddresses">This PC's addresses a board on the same network can use.</param>
/// <param name="UserName">Who is logged in, or null when the dashboard needs no login.</param>
/// <param name="MaxPayloadBytes">The largest payload the broker accepts (Broker:MaxPayloadBytes).</param>
public sealed record BrokerInfo(DateTimeOffset Started, int MqttPort, IReadOnlyList<string> BoardAddresses, string? UserName, int MaxPayloadBytes);
