namespace Esp32Mqtt.Broker.Events;

/// <summary>
/// Something a learner can watch happen in the broker: a client connected, subscribed, published, went away. Raised
/// once by <see cref="TrafficEvents"/> and handed to every <see cref="ITrafficListener"/>: the console log and the
/// dashboard show the same stream.
/// </summary>
/// <param name="Time">When it happened.</param>
public abstract record TrafficEvent(DateTimeOffset Time);
