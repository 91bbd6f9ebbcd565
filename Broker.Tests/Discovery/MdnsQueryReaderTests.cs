using Esp32Client.Core;
using Esp32Mqtt.Broker.Discovery;

namespace Esp32Mqtt.Broker.Tests.Discovery;

public sealed class MdnsQueryReaderTests
{
    [Fact]
    public void Reads_the_boards_question_with_its_unicast_bit()
    {
        // Arrange
        // What the board sends (BrokerQuery.Build): _mqtt._tcp.local, PTR, class IN with the unicast-response bit.
        byte[] query = Convert.FromHexString("000000000001000000000000" + "055f6d717474045f746370056c6f63616c00" + "000c8001");

        // Act
        MdnsQuery? read = MdnsQueryReader.Read(query, query.Length, out string problem);

        // Assert
        Assert.Equal(string.Empty, problem);
        Assert.Equal([new MdnsQuestion(MulticastDns.MqttServiceType, DnsRecordType.Ptr, UnicastResponse: true)], read?.Questions);
    }

    [Fact]
    public void Reads_the_instances_the_asker_already_knows()
    {
        // Arrange
        DnsWriter writer = new();
        writer.WriteHeader(0, 0, 1, 1, 0, 0);
        writer.WriteQuestion(MulticastDns.MqttServiceType, DnsRecordType.Ptr, DnsClass.Internet);
        writer.WriteName(MulticastDns.MqttServiceType);
        int mark = writer.BeginRecord(DnsRecordType.Ptr, DnsClass.Internet, 3000);
        writer.WriteLabel("esp32mqtt on PC");
        writer.WriteName(MulticastDns.MqttServiceType);
        writer.EndRecord(mark);
        byte[] query = writer.ToArray();

        // Act
        MdnsQuery? read = MdnsQueryReader.Read(query, query.Length, out _);

        // Assert
        Assert.Equal(3000u, read?.KnownInstances["ESP32MQTT ON PC._mqtt._tcp.local"]);
    }

    [Fact]
    public void Ignores_an_answer()
    {
        // Arrange
        byte[] announcement = MdnsResponseWriter.Announce(new ServiceAdvertisement("x", "x.local", 1883, []), [], goodbye: false);

        // Act
        MdnsQuery? read = MdnsQueryReader.Read(announcement, announcement.Length, out string problem);

        // Assert
        Assert.Null(read);
        Assert.Equal(string.Empty, problem);
    }

    [Fact]
    public void Refuses_a_malformed_question_and_says_why()
    {
        // Arrange
        byte[] query = Convert.FromHexString("000000000001000000000000" + "c00c" + "000c0001");

        // Act
        MdnsQuery? read = MdnsQueryReader.Read(query, query.Length, out string problem);

        // Assert
        Assert.Null(read);
        Assert.Equal("a compression pointer points forward or into its own name", problem);
    }
}
