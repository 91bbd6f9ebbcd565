using System.Net;

namespace Esp32Mqtt.Broker.Events;

/// <summary>A connection the broker turned away or gave up on, with the reason in words.</summary>
/// <param name="Time">When it happened.</param>
/// <param name="Remote">The client's address and port.</param>
/// <param name="ClientId">The client id it sent, if it got as far as CONNECT.</param>
/// <param name="Reason">What was wrong, for a person.</param>
/// <param name="Kind">What kind of refusal it was.</param>
public sealed record ConnectionRefused(DateTimeOffset Time, EndPoint? Remote, string? ClientId, string Reason, RefusalKind Kind) : TrafficEvent(Time);
