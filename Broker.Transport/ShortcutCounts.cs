namespace Esp32Mqtt.Broker.Transport;

/// <summary>
/// Messages of one client that a transport routed or delivered itself, past MQTTnet's own statistics, so the broker can
/// add them to MQTTnet's counts.
/// </summary>
/// <param name="Published">PUBLISH packets the client sent that were routed without MQTTnet's receive loop.</param>
/// <param name="Delivered">Messages written to the client without MQTTnet's send queue.</param>
public readonly record struct ShortcutCounts(long Published, long Delivered);
