using System.Net;
using Esp32Client.Core;

namespace Esp32Mqtt.Broker.Discovery;

/// <summary>
/// Writes the broker's multicast DNS messages: replies to questions about it, announcements and goodbyes. Records
/// follow RFC 6763: a PTR from the service type to the instance, the instance's SRV (host and port) and TXT, and the
/// host's A records; a reply to a PTR question carries the others as additional records (section 12) so that one
/// datagram is enough.
/// </summary>
public static class MdnsResponseWriter
{
    /// <summary>The name under which DNS-SD lists the service types present (RFC 6763 section 9).</summary>
    public const string ServiceTypeEnumerationName = "_services._dns-sd._udp.local";

    // RFC 6762 section 10: 120 s for records about a host name (SRV, A), 75 minutes for the others.
    private const uint HostRecordTimeToLive = 120;
    private const uint OtherRecordTimeToLive = 4500;

    // RFC 6762 section 6.7: replies to one-shot queries keep times to live to 10 s.
    private const uint OneShotTimeToLive = 10;

    // Response with the authoritative-answer bit (RFC 6762 section 18.2, 18.4).
    private const ushort ResponseFlags = 0x8400;

    [Flags]
    private enum Records
    {
        None = 0,
        Pointer = 1,
        Service = 2,
        Text = 4,
        Address = 8,
        ServiceType = 16,
    }

    /// <summary>
    /// The reply to <paramref name="query"/>, or null when none of its questions is about this broker or the asker
    /// already knows the answer (known-answer suppression, RFC 6762 section 7.1).
    /// </summary>
    public static byte[]? Reply(MdnsQuery query, ServiceAdvertisement advertisement, IReadOnlyList<IPAddress> addresses, MdnsReplyMode mode)
    {
        Records answers = Records.None;
        foreach (MdnsQuestion question in query.Questions)
        {
            answers |= Answering(question, advertisement);
        }

        if (query.KnownInstances.TryGetValue(advertisement.InstanceDomainName, out uint knownFor) && knownFor >= OtherRecordTimeToLive / 2)
        {
            answers &= ~Records.Pointer;
        }

        if (addresses.Count == 0)
        {
            answers &= ~Records.Address;
        }

        if (answers == Records.None)
        {
            return null;
        }

        Records additionals = Records.None;
        if (answers.HasFlag(Records.Pointer))
        {
            additionals |= Records.Service | Records.Text | Records.Address;
        }

        if (answers.HasFlag(Records.Service))
        {
            additionals |= Records.Address;
        }

        additionals &= ~answers;
        if (addresses.Count == 0)
        {
            additionals &= ~Records.Address;
        }

        bool oneShot = mode == MdnsReplyMode.OneShot;
        DnsWriter writer = new();
        writer.WriteHeader(
            oneShot ? query.Id : (ushort)0,
            ResponseFlags,
            oneShot ? query.Questions.Count : 0,
            Count(answers, addresses),
            0,
            Count(additionals, addresses));
        if (oneShot)
        {
            foreach (MdnsQuestion question in query.Questions)
            {
                writer.WriteQuestion(question.Name, question.Type, DnsClass.Internet);
            }
        }

        Write(writer, answers, advertisement, addresses, oneShot ? OneShotTimeToLive : null, cacheFlush: !oneShot);
        Write(writer, additionals, advertisement, addresses, oneShot ? OneShotTimeToLive : null, cacheFlush: !oneShot);
        return writer.ToArray();
    }

    /// <summary>
    /// Every record of the broker as an unsolicited response (RFC 6762 section 8.3) or, with
    /// <paramref name="goodbye"/>, the same records with time to live 0, which removes them from caches (section 10.1).
    /// </summary>
    public static byte[] Announce(ServiceAdvertisement advertisement, IReadOnlyList<IPAddress> addresses, bool goodbye)
    {
        Records all = Records.Pointer | Records.Service | Records.Text | (addresses.Count > 0 ? Records.Address : Records.None);
        DnsWriter writer = new();
        writer.WriteHeader(0, ResponseFlags, 0, Count(all, addresses), 0, 0);
        Write(writer, all, advertisement, addresses, goodbye ? 0u : null, cacheFlush: true);
        return writer.ToArray();
    }

    private static Records Answering(MdnsQuestion question, ServiceAdvertisement advertisement)
    {
        bool any = question.Type == DnsRecordType.Any;
        Records records = Records.None;
        if (DnsName.AreEqual(question.Name, MulticastDns.MqttServiceType) && (any || question.Type == DnsRecordType.Ptr))
        {
            records |= Records.Pointer;
        }

        if (DnsName.AreEqual(question.Name, ServiceTypeEnumerationName) && (any || question.Type == DnsRecordType.Ptr))
        {
            records |= Records.ServiceType;
        }

        if (DnsName.AreEqual(question.Name, advertisement.InstanceDomainName))
        {
            records |= any || question.Type == DnsRecordType.Srv ? Records.Service : Records.None;
            records |= any || question.Type == DnsRecordType.Txt ? Records.Text : Records.None;
        }

        if (DnsName.AreEqual(question.Name, advertisement.HostName) && (any || question.Type == DnsRecordType.A))
        {
            records |= Records.Address;
        }

        return records;
    }

    private static int Count(Records records, IReadOnlyList<IPAddress> addresses)
    {
        int count = 0;
        foreach (Records single in new[] { Records.Pointer, Records.ServiceType, Records.Service, Records.Text })
        {
            count += records.HasFlag(single) ? 1 : 0;
        }

        return count + (records.HasFlag(Records.Address) ? addresses.Count : 0);
    }

    private static void Write(DnsWriter writer, Records records, ServiceAdvertisement advertisement, IReadOnlyList<IPAddress> addresses, uint? timeToLive, bool cacheFlush)
    {
        // The PTR records are shared (many brokers answer for the service type): never a cache-flush bit on them.
        ushort uniqueClass = cacheFlush ? (ushort)(DnsClass.Internet | DnsClass.TopBit) : DnsClass.Internet;
        if (records.HasFlag(Records.Pointer))
        {
            writer.WriteName(MulticastDns.MqttServiceType);
            int mark = writer.BeginRecord(DnsRecordType.Ptr, DnsClass.Internet, timeToLive ?? OtherRecordTimeToLive);
            WriteInstanceName(writer, advertisement);
            writer.EndRecord(mark);
        }

        if (records.HasFlag(Records.ServiceType))
        {
            writer.WriteName(ServiceTypeEnumerationName);
            int mark = writer.BeginRecord(DnsRecordType.Ptr, DnsClass.Internet, timeToLive ?? OtherRecordTimeToLive);
            writer.WriteName(MulticastDns.MqttServiceType);
            writer.EndRecord(mark);
        }

        if (records.HasFlag(Records.Service))
        {
            WriteInstanceName(writer, advertisement);
            int mark = writer.BeginRecord(DnsRecordType.Srv, uniqueClass, timeToLive ?? HostRecordTimeToLive);
            writer.WriteUInt16(0);
            writer.WriteUInt16(0);
            writer.WriteUInt16((ushort)advertisement.Port);
            writer.WriteName(advertisement.HostName);
            writer.EndRecord(mark);
        }

        if (records.HasFlag(Records.Text))
        {
            WriteInstanceName(writer, advertisement);
            int mark = writer.BeginRecord(DnsRecordType.Txt, uniqueClass, timeToLive ?? OtherRecordTimeToLive);
            foreach (string entry in advertisement.Text)
            {
                writer.WriteCharacterString(entry);
            }

            writer.EndRecord(mark);
        }

        if (records.HasFlag(Records.Address))
        {
            foreach (IPAddress address in addresses)
            {
                writer.WriteName(advertisement.HostName);
                int mark = writer.BeginRecord(DnsRecordType.A, uniqueClass, timeToLive ?? HostRecordTimeToLive);
                writer.WriteBytes(address.GetAddressBytes());
                writer.EndRecord(mark);
            }
        }
    }

    private static void WriteInstanceName(DnsWriter writer, ServiceAdvertisement advertisement)
    {
        writer.WriteLabel(advertisement.Name);
        writer.WriteName(MulticastDns.MqttServiceType);
    }
}
