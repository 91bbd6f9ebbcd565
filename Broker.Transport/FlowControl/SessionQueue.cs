namespace Esp32Mqtt.Broker.Transport.FlowControl;

/// <summary>How <see cref="DeliveryFlowControl"/> reads one client's session in MQTTnet.</summary>
/// <param name="QueuedMessages">Reads how many messages wait in the session's queue now.</param>
/// <param name="IsOffline">Reads whether the client is away (its session is kept without a connection).</param>
internal sealed record SessionQueue(Func<long> QueuedMessages, Func<bool> IsOffline);
