namespace Esp32Mqtt.Broker.Traffic;

/// <summary>How much of the message traffic <see cref="MessageObserver"/> watches, following the messages log level.</summary>
public enum MessageLogMode
{
    /// <summary>Level above Warning: no per-message handler is attached at all.</summary>
    Off,

    /// <summary>Level Warning: only publishes that reached nobody are reported, through an event MQTTnet raises only for those.</summary>
    UnconsumedOnly,

    /// <summary>Level Information or lower: one line per publish.</summary>
    EveryMessage,
}
