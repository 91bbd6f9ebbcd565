using Esp32Client.Core;

namespace Esp32Client.Tests.Discovery;

public sealed class BrokerQueryTests
{
    [Fact]
    public void Asks_for_the_pointer_records_of_mqtt_brokers_with_a_unicast_answer()
    {
        // Arrange
        // RFC 6762 section 18: id 0, flags 0, one question; _mqtt._tcp.local, type PTR (12), class IN with the QU bit.
        byte[] expected = Convert.FromHexString("000000000001000000000000" + "055f6d717474045f746370056c6f63616c00" + "000c" + "8001");

        // Act
        byte[] query = BrokerQuery.Build();

        // Assert
        Assert.Equal(expected, query);
    }

    [Fact]
    public void Reads_back_as_one_question_for_the_mqtt_service()
    {
        // Arrange
        byte[] query = BrokerQuery.Build();
        var reader = new DnsReader(query, query.Length);

        // Act
        bool header = reader.TryReadHeader();
        bool question = reader.TryReadQuestion(out string name, out ushort type, out ushort questionClass);

        // Assert
        Assert.True(header && question, reader.Problem);
        Assert.False(reader.IsResponse);
        Assert.Equal(1, reader.QuestionCount);
        Assert.Equal(0, reader.RecordCount);
        Assert.Equal("_mqtt._tcp.local", name);
        Assert.Equal(DnsRecordType.Ptr, type);
        Assert.Equal(DnsClass.Internet | DnsClass.TopBit, questionClass);
    }
}
