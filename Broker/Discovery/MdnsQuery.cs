namespace Esp32Mqtt.Broker.Discovery;

/// <summary>A multicast DNS query as read off the network.</summary>
/// <param name="Id">The message id, echoed in a reply to a one-shot query (RFC 6762 section 6.7).</param>
/// <param name="Questions">The questions.</param>
/// <param name="KnownInstances">
/// The service instances the asker already knows, from PTR records in its answer section, with their remaining time
/// to live in seconds (known-answer suppression, RFC 6762 section 7.1).
/// </param>
public sealed record MdnsQuery(ushort Id, IReadOnlyList<MdnsQuestion> Questions, IReadOnlyDictionary<string, uint> KnownInstances);
