using Esp32Client.Core;

namespace Esp32Mqtt.Broker.Tests.Discovery;

/// <summary>A DNS message read back whole with the portable reader, for assertions on what the responder wrote.</summary>
public sealed record DnsMessage(ushort Id, ushort Flags, IReadOnlyList<(string Name, ushort Type, ushort Class)> Questions, IReadOnlyList<DnsMessage.Record> Answers, IReadOnlyList<DnsMessage.Record> Additionals)
{
    /// <summary>Reads <paramref name="message"/>; fails the test when it is malformed.</summary>
    public static DnsMessage Read(byte[] message)
    {
        DnsReader reader = new(message, message.Length);
        Assert.True(reader.TryReadHeader(), reader.Problem);
        List<(string, ushort, ushort)> questions = [];
        for (int index = 0; index < reader.QuestionCount; index++)
        {
            Assert.True(reader.TryReadQuestion(out string name, out ushort type, out ushort questionClass), reader.Problem);
            questions.Add((name, type, questionClass));
        }

        List<Record> records = [];
        for (int index = 0; index < reader.RecordCount; index++)
        {
            DnsRecord record = new();
            Assert.True(reader.TryReadRecord(record), reader.Problem);
            string data = record.Type switch
            {
                DnsRecordType.Ptr => reader.TryReadPointer(record, out string target) ? target : "?",
                DnsRecordType.Srv => reader.TryReadService(record, out int port, out string host) ? host + ":" + port : "?",
                DnsRecordType.A => reader.TryReadIpv4Address(record, out string address) ? address : "?",
                _ => string.Empty,
            };
            records.Add(new Record(record.Name, record.Type, record.CacheFlush, record.TimeToLive, data));
        }

        return new DnsMessage(reader.Id, reader.Flags, questions, records[..reader.AnswerCount], records[reader.AnswerCount..]);
    }

    /// <summary>One record: its name, type, cache-flush bit, time to live, and its data as text (PTR target, SRV host:port, A address).</summary>
    public sealed record Record(string Name, ushort Type, bool CacheFlush, uint TimeToLive, string Data);
}
