using System.Collections;
using Esp32Client.Core;

namespace Esp32Client.Tests.Discovery;

public sealed class BrokerAnswerReaderTests
{
    // A response header announcing one answer record and nothing else.
    private const string OneAnswerHeader = "000084000000000100000000";

    public static TheoryData<string, string, string> HostileMessages => new()
    {
        { "shorter than a header", "0000840000", "shorter than a DNS header" },
        { "more records announced than it holds", "00008400000000ff00000000" + "00000100010000007800", "more questions and records than the message holds" },
        { "a label past the end", OneAnswerHeader + "3f" + string.Concat(Enumerable.Repeat("61", 20)), "a label runs past the end" },
        { "a name without its end", OneAnswerHeader + "0a" + string.Concat(Enumerable.Repeat("61", 10)), "a name runs past the end" },
        { "a pointer to itself", OneAnswerHeader + "c00c" + "000100010000007800", "points forward or into its own name" },
        { "a label then a pointer back to it", OneAnswerHeader + "0161c00c" + "000100010000007800", "points forward or into its own name" },
        { "a pointer forward", OneAnswerHeader + "c014" + "0001000100000078000400" + "00", "points forward or into its own name" },
        { "a cut-off pointer", OneAnswerHeader + "055f6d717474045f746370056c6f63616c00" + "000c000100001194" + "0001" + "c0", "a compression pointer is cut off" },
        { "an unknown label type", OneAnswerHeader + "4161" + "000100010000007800", "a label has an unknown type" },
        { "a label that is not UTF-8", OneAnswerHeader + "02fffe00" + "000100010000007800", "a label is not UTF-8" },
        { "a name of 320 bytes", OneAnswerHeader + string.Concat(Enumerable.Repeat("3f" + new string('6', 126), 5)) + "00" + "000100010000007800", "a name is longer than 255 bytes" },
        { "record data past the end", OneAnswerHeader + "00" + "00010001000000780010" + "c0000201", "a record's data runs past the end" },
        { "a PTR whose name points forward", OneAnswerHeader + "055f6d717474045f746370056c6f63616c00" + "000c000100001194" + "0002" + "c030", "points forward or into its own name" },
        { "an SRV too short", "000084000000000200000000" + "055f6d717474045f746370056c6f63616c00" + "000c00010000119400040178c00c" + "c028" + "0021000100000078" + "0003" + "000000", "an SRV record is too short" },
    };

    [Fact]
    public void Reads_the_instance_python_zeroconf_advertises()
    {
        // Arrange
        var found = new ArrayList();

        // Act
        bool read = BrokerAnswerReader.TryRead(CapturedAnswers.RobotVacuum, CapturedAnswers.RobotVacuum.Length, found, out string problem);

        // Assert
        Assert.True(read, problem);
        DiscoveredBroker broker = Assert.IsType<DiscoveredBroker>(Assert.Single(found.Cast<object>()));
        Assert.Equal("Robot Vacuum", broker.Name);
        Assert.Equal("192.0.2.1", broker.Address);
        Assert.Equal(1883, broker.Port);
        Assert.Equal(string.Empty, broker.Product);
        Assert.False(broker.IsEsp32Mqtt);
    }

    [Fact]
    public void Reads_every_instance_of_one_answer()
    {
        // Arrange
        var found = new ArrayList();

        // Act
        bool read = BrokerAnswerReader.TryRead(CapturedAnswers.VacuumAndClassroom, CapturedAnswers.VacuumAndClassroom.Length, found, out string problem);

        // Assert
        Assert.True(read, problem);
        DiscoveredBroker[] brokers = found.Cast<DiscoveredBroker>().ToArray();
        Assert.Equal(["Robot Vacuum", "esp32mqtt on CLASSROOM-PC"], brokers.Select(broker => broker.Name));
        DiscoveredBroker classroom = brokers[1];
        Assert.Equal("192.0.2.1", classroom.Address);
        Assert.Equal(1884, classroom.Port);
        Assert.True(classroom.IsEsp32Mqtt);
        Assert.Equal("1.2.0", classroom.Version);
        Assert.True(classroom.UsersRequired);
    }

    [Fact]
    public void Reads_the_answer_of_our_own_broker()
    {
        // Arrange
        var found = new ArrayList();

        // Act
        bool read = BrokerAnswerReader.TryRead(CapturedAnswers.OurBroker, CapturedAnswers.OurBroker.Length, found, out string problem);

        // Assert
        Assert.True(read, problem);
        DiscoveredBroker broker = Assert.IsType<DiscoveredBroker>(Assert.Single(found.Cast<object>()));
        Assert.Equal(("esp32mqtt on vm port 34233", "192.0.2.1", 34233), (broker.Name, broker.Address, broker.Port));
        Assert.True(broker.IsEsp32Mqtt);
        Assert.Equal("1.0.0", broker.Version);
        Assert.False(broker.UsersRequired);
    }

    [Fact]
    public void Refuses_every_truncation_of_a_real_answer()
    {
        // Arrange
        byte[] message = CapturedAnswers.VacuumAndClassroom;
        var found = new ArrayList();

        // Act
        int[] accepted = Enumerable.Range(0, message.Length).Where(length => BrokerAnswerReader.TryRead(message, length, found, out _)).ToArray();

        // Assert
        Assert.Empty(accepted);
        Assert.Empty(found);
    }

    [Theory]
    [MemberData(nameof(HostileMessages))]
    public void Refuses_a_hostile_message_and_says_why(string what, string hex, string expectedProblem)
    {
        // Arrange
        byte[] message = Convert.FromHexString(hex);
        var found = new ArrayList();

        // Act
        bool read = BrokerAnswerReader.TryRead(message, message.Length, found, out string problem);

        // Assert
        Assert.False(read, what);
        Assert.Contains(expectedProblem, problem);
        Assert.Empty(found);
    }

    [Fact]
    public void Leaves_out_an_instance_that_says_goodbye()
    {
        // Arrange
        byte[] message = new AnswerBuilder()
            .WithBroker("esp32mqtt on OLD-PC", "192.0.2.7")
            .With("esp32mqtt on GONE-PC", "192.0.2.8", 1883, ["product=esp32mqtt"], host: "gone", goodbye: true)
            .Build();
        var found = new ArrayList();

        // Act
        bool read = BrokerAnswerReader.TryRead(message, message.Length, found, out string problem);

        // Assert
        Assert.True(read, problem);
        Assert.Equal(["esp32mqtt on OLD-PC"], found.Cast<DiscoveredBroker>().Select(broker => broker.Name));
    }

    [Fact]
    public void Leaves_out_an_instance_whose_address_is_missing()
    {
        // Arrange
        byte[] message = new AnswerBuilder()
            .With("esp32mqtt on NOWHERE", "192.0.2.9", 1883, ["product=esp32mqtt"], withAddress: false)
            .Build();
        var found = new ArrayList();

        // Act
        bool read = BrokerAnswerReader.TryRead(message, message.Length, found, out string problem);

        // Assert
        Assert.True(read, problem);
        Assert.Empty(found);
    }

    [Theory]
    [InlineData(new[] { "PRODUCT=esp32mqtt" }, true)]
    [InlineData(new[] { "product=esp32mqtt", "product=vacuum" }, true)]
    [InlineData(new[] { "product=vacuum", "product=esp32mqtt" }, false)]
    [InlineData(new[] { "product" }, false)]
    [InlineData(new[] { "products=esp32mqtt" }, false)]
    [InlineData(new string[0], false)]
    public void Takes_the_product_from_the_first_product_key_whatever_its_case(string[] text, bool esp32Mqtt)
    {
        // Arrange
        byte[] message = new AnswerBuilder().With("some broker", "192.0.2.3", 1883, text).Build();
        var found = new ArrayList();

        // Act
        BrokerAnswerReader.TryRead(message, message.Length, found, out _);

        // Assert
        DiscoveredBroker broker = Assert.IsType<DiscoveredBroker>(Assert.Single(found.Cast<object>()));
        Assert.Equal(esp32Mqtt, broker.IsEsp32Mqtt);
    }

    [Fact]
    public void Finds_nothing_in_a_question()
    {
        // Arrange
        byte[] query = BrokerQuery.Build();
        var found = new ArrayList();

        // Act
        bool read = BrokerAnswerReader.TryRead(query, query.Length, found, out string problem);

        // Assert
        Assert.True(read, problem);
        Assert.Empty(found);
    }
}
