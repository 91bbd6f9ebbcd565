namespace Esp32Mqtt.Broker.ConsoleLog;

/// <summary>Logger categories, so each kind of line has its own level under <c>Logging:LogLevel</c>.</summary>
public static class LogCategories
{
    /// <summary>Start-up, the retained store and other broker-wide lines.</summary>
    public const string Broker = "Esp32Mqtt.Broker";

    /// <summary>Connects, disconnects, refusals and connections closed for bad input.</summary>
    public const string Connections = "Esp32Mqtt.Broker.Connections";

    /// <summary>Subscribe and unsubscribe lines.</summary>
    public const string Subscriptions = "Esp32Mqtt.Broker.Subscriptions";

    /// <summary>One line per publish; "no subscribers" hints are logged here as warnings.</summary>
    public const string Messages = "Esp32Mqtt.Broker.Messages";

    /// <summary>Advertising the broker on the network (DNS-SD); each question answered at Debug.</summary>
    public const string Discovery = "Esp32Mqtt.Broker.Discovery";

    /// <summary>Memory given back after a wave of connections (Debug).</summary>
    public const string Memory = "Esp32Mqtt.Broker.Memory";

    /// <summary>MQTTnet's own diagnostics; off by default, since turning them on costs work on every message.</summary>
    public const string MqttNet = "MQTTnet";
}
