namespace Esp32Mqtt.Broker.Events;

/// <summary>How many of the published messages an <see cref="ITrafficListener"/> wants to hear about.</summary>
public enum MessageInterest
{
    /// <summary>None: with no listener wanting more, nothing at all is done per message.</summary>
    None,

    /// <summary>Only messages that reached nobody, through an event MQTTnet raises only for those.</summary>
    Unrouted,

    /// <summary>Every message, with its recipients.</summary>
    Every,
}
