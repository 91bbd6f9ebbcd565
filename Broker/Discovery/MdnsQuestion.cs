namespace Esp32Mqtt.Broker.Discovery;

/// <summary>One question of a multicast DNS query.</summary>
/// <param name="Name">The name asked about.</param>
/// <param name="Type">The record type asked for (<c>DnsRecordType</c>).</param>
/// <param name="UnicastResponse">Whether the asker wants the answer by unicast (the QU bit, RFC 6762 section 5.4).</param>
public sealed record MdnsQuestion(string Name, ushort Type, bool UnicastResponse);
