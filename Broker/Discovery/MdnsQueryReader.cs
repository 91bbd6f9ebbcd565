using Esp32Client.Core;

namespace Esp32Mqtt.Broker.Discovery;

/// <summary>Reads multicast DNS queries with the portable DNS reader the board uses, refusing whatever is malformed.</summary>
public static class MdnsQueryReader
{
    // RFC 6762 section 18.3: queries carry opcode 0; others are ignored.
    private const int OpcodeMask = 0x7800;

    /// <summary>
    /// The query in <paramref name="message"/>, or null for a response, a query with another opcode, or a malformed
    /// message (then <paramref name="problem"/> says why).
    /// </summary>
    public static MdnsQuery? Read(byte[] message, int length, out string problem)
    {
        problem = string.Empty;
        DnsReader reader = new(message, length);
        if (!reader.TryReadHeader())
        {
            problem = reader.Problem;
            return null;
        }

        if (reader.IsResponse || (reader.Flags & OpcodeMask) != 0)
        {
            return null;
        }

        List<MdnsQuestion> questions = [];
        for (int index = 0; index < reader.QuestionCount; index++)
        {
            if (!reader.TryReadQuestion(out string name, out ushort type, out ushort questionClass))
            {
                problem = reader.Problem;
                return null;
            }

            ushort recordClass = (ushort)(questionClass & DnsClass.ClassMask);
            if (recordClass == DnsClass.Internet || recordClass == DnsRecordType.Any)
            {
                questions.Add(new MdnsQuestion(name, type, (questionClass & DnsClass.TopBit) != 0));
            }
        }

        // Only the answer section holds known answers; authority records are a prober's (RFC 6762 section 8.2).
        Dictionary<string, uint> known = new(StringComparer.OrdinalIgnoreCase);
        DnsRecord record = new();
        for (int index = 0; index < reader.AnswerCount; index++)
        {
            if (!reader.TryReadRecord(record))
            {
                problem = reader.Problem;
                return null;
            }

            if (record.Type == DnsRecordType.Ptr && DnsName.AreEqual(record.Name, MulticastDns.MqttServiceType) && reader.TryReadPointer(record, out string instance))
            {
                known[instance] = record.TimeToLive;
            }
        }

        return new MdnsQuery(reader.Id, questions, known);
    }
}
