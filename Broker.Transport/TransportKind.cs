namespace Esp32Mqtt.Broker.Transport;

/// <summary>Which transport serves the broker's TCP clients (the setting <c>Broker:Transport</c>).</summary>
public enum TransportKind
{
    /// <summary>This project's guarded listener, packet reader and writer, and the shortcuts past MQTTnet's queues.</summary>
    Fast,

    /// <summary>MQTTnet's own TCP listener and channel adapter: the fallback when an MQTTnet upgrade breaks the fast one.</summary>
    MqttNet,
}
