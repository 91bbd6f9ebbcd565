namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>One retained message.</summary>
/// <param name="Topic">Its topic.</param>
/// <param name="Payload">Its payload.</param>
/// <param name="QualityOfService">The QoS it was published with.</param>
public sealed record RetainedMessageView(string Topic, PayloadView Payload, int QualityOfService);
