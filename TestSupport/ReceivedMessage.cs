namespace Esp32Mqtt.TestSupport;

/// <summary>A message a test client received.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Payload">The payload as UTF-8 text.</param>
/// <param name="Retain">Whether it came with the retain flag (a retained message sent on subscribe).</param>
public sealed record ReceivedMessage(string Topic, string Payload, bool Retain);
