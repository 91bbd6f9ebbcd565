using System.Net;
using Esp32Client.Core;
using Esp32Mqtt.Broker.Discovery;

namespace Esp32Mqtt.Broker.Tests.Discovery;

public sealed class MdnsResponseWriterTests
{
    private const string Instance = "esp32mqtt on PC._mqtt._tcp.local";
    private const string Host = "esp32mqtt-PC.local";

    private static readonly ServiceAdvertisement s_advertisement = new("esp32mqtt on PC", Host, 1883, ["txtvers=1", "product=esp32mqtt", "version=1.0.0", "users=optional"]);
    private static readonly IPAddress[] s_addresses = [IPAddress.Parse("192.0.2.10"), IPAddress.Parse("192.0.2.11")];

    [Fact]
    public void Answers_the_boards_one_shot_question_with_everything_in_one_message()
    {
        // Arrange
        MdnsQuery query = Query(new MdnsQuestion(MulticastDns.MqttServiceType, DnsRecordType.Ptr, UnicastResponse: true), id: 0x1234);

        // Act
        byte[]? reply = MdnsResponseWriter.Reply(query, s_advertisement, s_addresses, MdnsReplyMode.OneShot);

        // Assert
        DnsMessage message = DnsMessage.Read(reply!);
        Assert.Equal(0x1234, message.Id);
        Assert.Equal(0x8400, message.Flags);
        Assert.Equal([(MulticastDns.MqttServiceType, DnsRecordType.Ptr, DnsClass.Internet)], message.Questions);
        Assert.Equal([new DnsMessage.Record(MulticastDns.MqttServiceType, DnsRecordType.Ptr, false, 10, Instance)], message.Answers);
        Assert.Equal(
            [
                new DnsMessage.Record(Instance, DnsRecordType.Srv, false, 10, Host + ":1883"),
                new DnsMessage.Record(Instance, DnsRecordType.Txt, false, 10, string.Empty),
                new DnsMessage.Record(Host, DnsRecordType.A, false, 10, "192.0.2.10"),
                new DnsMessage.Record(Host, DnsRecordType.A, false, 10, "192.0.2.11"),
            ],
            message.Additionals);
    }

    [Fact]
    public void Marks_the_unique_records_of_a_multicast_reply_for_cache_flush_but_not_the_shared_pointer()
    {
        // Arrange
        MdnsQuery query = Query(new MdnsQuestion(MulticastDns.MqttServiceType, DnsRecordType.Ptr, UnicastResponse: false), id: 7);

        // Act
        byte[]? reply = MdnsResponseWriter.Reply(query, s_advertisement, s_addresses, MdnsReplyMode.Multicast);

        // Assert
        DnsMessage message = DnsMessage.Read(reply!);
        Assert.Equal(0, message.Id);
        Assert.Empty(message.Questions);
        Assert.Equal((false, 4500u), (message.Answers[0].CacheFlush, message.Answers[0].TimeToLive));
        Assert.Equal([(true, 120u), (true, 4500u), (true, 120u), (true, 120u)], message.Additionals.Select(record => (record.CacheFlush, record.TimeToLive)));
    }

    [Theory]
    [InlineData("_http._tcp.local", DnsRecordType.Ptr)]
    [InlineData("other on PC._mqtt._tcp.local", DnsRecordType.Srv)]
    [InlineData("_mqtt._tcp.local", DnsRecordType.A)]
    public void Stays_silent_about_what_it_does_not_own(string name, ushort type)
    {
        // Arrange
        MdnsQuery query = Query(new MdnsQuestion(name, type, UnicastResponse: false), id: 0);

        // Act
        byte[]? reply = MdnsResponseWriter.Reply(query, s_advertisement, s_addresses, MdnsReplyMode.Multicast);

        // Assert
        Assert.Null(reply);
    }

    [Theory]
    [InlineData(4500u, true)]
    [InlineData(2250u, true)]
    [InlineData(2249u, false)]
    public void Leaves_out_a_pointer_the_asker_knows_for_at_least_half_its_time_to_live(uint knownFor, bool suppressed)
    {
        // Arrange
        MdnsQuery query = new(0, [new MdnsQuestion(MulticastDns.MqttServiceType, DnsRecordType.Ptr, false)], new Dictionary<string, uint> { [Instance] = knownFor });

        // Act
        byte[]? reply = MdnsResponseWriter.Reply(query, s_advertisement, s_addresses, MdnsReplyMode.Multicast);

        // Assert
        Assert.Equal(suppressed, reply is null);
    }

    [Fact]
    public void Lists_its_service_type_when_asked_which_types_there_are()
    {
        // Arrange
        MdnsQuery query = Query(new MdnsQuestion(MdnsResponseWriter.ServiceTypeEnumerationName, DnsRecordType.Ptr, false), id: 0);

        // Act
        byte[]? reply = MdnsResponseWriter.Reply(query, s_advertisement, s_addresses, MdnsReplyMode.Multicast);

        // Assert
        DnsMessage message = DnsMessage.Read(reply!);
        Assert.Equal([new DnsMessage.Record(MdnsResponseWriter.ServiceTypeEnumerationName, DnsRecordType.Ptr, false, 4500, MulticastDns.MqttServiceType)], message.Answers);
        Assert.Empty(message.Additionals);
    }

    [Fact]
    public void Answers_a_question_for_the_instance_with_its_records_and_the_address_as_additional()
    {
        // Arrange
        MdnsQuery query = Query(new MdnsQuestion(Instance.ToUpperInvariant(), DnsRecordType.Any, false), id: 0);

        // Act
        byte[]? reply = MdnsResponseWriter.Reply(query, s_advertisement, [s_addresses[0]], MdnsReplyMode.Unicast);

        // Assert
        DnsMessage message = DnsMessage.Read(reply!);
        Assert.Equal([DnsRecordType.Srv, DnsRecordType.Txt], message.Answers.Select(record => record.Type));
        Assert.Equal([new DnsMessage.Record(Host, DnsRecordType.A, true, 120, "192.0.2.10")], message.Additionals);
    }

    [Fact]
    public void Says_goodbye_with_every_record_at_time_to_live_zero()
    {
        // Act
        byte[] goodbye = MdnsResponseWriter.Announce(s_advertisement, s_addresses, goodbye: true);

        // Assert
        DnsMessage message = DnsMessage.Read(goodbye);
        Assert.Equal([DnsRecordType.Ptr, DnsRecordType.Srv, DnsRecordType.Txt, DnsRecordType.A, DnsRecordType.A], message.Answers.Select(record => record.Type));
        Assert.All(message.Answers, record => Assert.Equal(0u, record.TimeToLive));
    }

    [Fact]
    public void Announces_every_record_as_an_answer()
    {
        // Act
        byte[] announcement = MdnsResponseWriter.Announce(s_advertisement, s_addresses, goodbye: false);

        // Assert
        DnsMessage message = DnsMessage.Read(announcement);
        Assert.Equal([(DnsRecordType.Ptr, 4500u), (DnsRecordType.Srv, 120u), (DnsRecordType.Txt, 4500u), (DnsRecordType.A, 120u), (DnsRecordType.A, 120u)], message.Answers.Select(record => (record.Type, record.TimeToLive)));
        Assert.Empty(message.Additionals);
    }

    private static MdnsQuery Query(MdnsQuestion question, ushort id)
    {
        return new MdnsQuery(id, [question], new Dictionary<string, uint>());
    }
}
