namespace Esp32Mqtt.Broker.Events;

/// <summary>A client connected again within its will delay: its will is not published (OASIS MQTT 5.0 section 3.1.3.2.2).</summary>
/// <param name="Time">When it connected again.</param>
/// <param name="ClientId">The client.</param>
/// <param name="Topic">The topic the will would have gone to.</param>
public sealed record WillCancelled(DateTimeOffset Time, string ClientId, string Topic) : TrafficEvent(Time);
