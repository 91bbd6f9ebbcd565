using System.Net;

namespace Esp32Mqtt.Broker.Transport;

/// <summary>A connection the transport closed, or saw closed, before or outside MQTT's own rules, said in words.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Remote">The client's address and port.</param>
/// <param name="Description">What arrived and what to do about it, for a person (a clause that follows "closed the connection from ...: ").</param>
public sealed record ConnectionProblem(ConnectionProblemKind Kind, EndPoint Remote, string Description);
