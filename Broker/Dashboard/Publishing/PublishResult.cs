namespace Esp32Mqtt.Broker.Dashboard.Publishing;

/// <summary>The answer to a publish: how many clients the message was delivered to.</summary>
/// <param name="Recipients">Distinct clients it was delivered to; 0 when nobody is subscribed to its topic.</param>
public sealed record PublishResult(int Recipients);
