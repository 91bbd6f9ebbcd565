using Esp32Client.Core;
using Esp32Client.Tests.Fakes;

namespace Esp32Client.Tests.Discovery;

public sealed class BrokerFinderTests
{
    private readonly FakeClock _clock = new();
    private readonly RecordingLog _log = new();
    private readonly FakeMulticastDnsChannel _channel;
    private readonly DiscoveryPolicy _policy = new();

    public BrokerFinderTests()
    {
        _channel = new FakeMulticastDnsChannel(_clock);
    }

    [Fact]
    public void Returns_the_broker_that_answers_the_first_question()
    {
        // Arrange
        _channel.Answer(1, 15, new AnswerBuilder().WithBroker("esp32mqtt on PC", "192.0.2.10").Build());
        BrokerFinder finder = Finder(wantedName: "");

        // Act
        DiscoveredBroker? found = finder.Find();

        // Assert
        Assert.Equal(("esp32mqtt on PC", "192.0.2.10", 1883), (found?.Name, found?.Address, found?.Port));
        Assert.Equal(BrokerQuery.Build(), Assert.Single(_channel.Sent));
        Assert.Equal(15 + _policy.GatherMilliseconds, _clock.NowMilliseconds);
        Assert.Contains("Asked the network for MQTT brokers (DNS-SD): 1 answer(s) in 315 ms (the first after 15 ms).", _log.Lines);
    }

    [Fact]
    public void Hears_the_brokers_that_answer_shortly_after_the_first_but_not_later_ones()
    {
        // Arrange
        _channel.Answer(1, 10, new AnswerBuilder().WithBroker("esp32mqtt on B", "192.0.2.2").Build());
        _channel.Answer(1, 200, new AnswerBuilder().WithBroker("esp32mqtt on A", "192.0.2.1").Build());
        _channel.Answer(1, 600, new AnswerBuilder().WithBroker("esp32mqtt on 0", "192.0.2.3").Build());
        BrokerFinder finder = Finder(wantedName: "");

        // Act
        DiscoveredBroker? found = finder.Find();

        // Assert
        Assert.Equal("esp32mqtt on A", found?.Name);
        Assert.Equal(310, _clock.NowMilliseconds);
    }

    [Fact]
    public void Asks_again_when_no_answer_comes_and_gives_up_after_the_last_attempt()
    {
        // Arrange
        BrokerFinder finder = Finder(wantedName: "");

        // Act
        DiscoveredBroker? found = finder.Find();

        // Assert
        Assert.Null(found);
        Assert.Equal(_policy.Attempts, _channel.Sent.Count);
        Assert.Equal(_policy.Attempts * _policy.AttemptMilliseconds, _clock.NowMilliseconds);
        Assert.Contains("Asked the network for MQTT brokers (DNS-SD): 0 answer(s) in 3000 ms.", _log.Lines);
        Assert.StartsWith("No esp32mqtt broker answered", _log.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Uses_an_answer_to_a_later_question_when_the_first_went_unanswered()
    {
        // Arrange
        _channel.Answer(2, 40, new AnswerBuilder().WithBroker("esp32mqtt on PC", "192.0.2.10").Build());
        BrokerFinder finder = Finder(wantedName: "");

        // Act
        DiscoveredBroker? found = finder.Find();

        // Assert
        Assert.Equal("192.0.2.10", found?.Address);
        Assert.Equal(2, _channel.Sent.Count);
        Assert.Equal(_policy.AttemptMilliseconds + 40 + _policy.GatherMilliseconds, _clock.NowMilliseconds);
    }

    [Fact]
    public void Keeps_asking_while_only_a_robot_vacuum_answers()
    {
        // Arrange
        _channel.Answer(1, 5, CapturedAnswers.RobotVacuum);
        _channel.Answer(2, 5, CapturedAnswers.RobotVacuum);
        _channel.Answer(3, 5, CapturedAnswers.RobotVacuum);
        BrokerFinder finder = Finder(wantedName: "");

        // Act
        DiscoveredBroker? found = finder.Find();

        // Assert
        Assert.Null(found);
        Assert.Equal(_policy.Attempts, _channel.Sent.Count);
        Assert.Contains(_log.Lines, line => line.StartsWith("Ignored 'Robot Vacuum' at 192.0.2.1:1883", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_asking_while_only_brokers_of_other_names_answer()
    {
        // Arrange
        _channel.Answer(1, 5, new AnswerBuilder().WithBroker("esp32mqtt on ATTIC", "192.0.2.1").Build());
        _channel.Answer(2, 5, new AnswerBuilder().WithBroker("esp32mqtt on GARDEN", "192.0.2.2").Build());
        BrokerFinder finder = Finder(wantedName: "esp32mqtt on GARDEN");

        // Act
        DiscoveredBroker? found = finder.Find();

        // Assert
        Assert.Equal("192.0.2.2", found?.Address);
        Assert.Equal(2, _channel.Sent.Count);
    }

    [Fact]
    public void Ignores_a_malformed_answer_and_uses_the_next()
    {
        // Arrange
        _channel.Answer(1, 5, Convert.FromHexString("000084000000000100000000c00c000100010000007800"));
        _channel.Answer(1, 8, new AnswerBuilder().WithBroker("esp32mqtt on PC", "192.0.2.10").Build());
        BrokerFinder finder = Finder(wantedName: "");

        // Act
        DiscoveredBroker? found = finder.Find();

        // Assert
        Assert.Equal("192.0.2.10", found?.Address);
        Assert.Contains("Ignored a malformed multicast DNS answer: a compression pointer points forward or into its own name.", _log.Lines);
    }

    [Fact]
    public void Gives_up_at_once_when_the_question_cannot_be_sent_and_closes_the_port()
    {
        // Arrange
        _channel.SendSucceeds = false;
        BrokerFinder finder = Finder(wantedName: "");

        // Act
        DiscoveredBroker? found = finder.Find();

        // Assert
        Assert.Null(found);
        Assert.Equal(0, _clock.NowMilliseconds);
        Assert.Equal(1, _channel.Closes);
    }

    [Fact]
    public void Closes_the_port_after_finding()
    {
        // Arrange
        _channel.Answer(1, 5, new AnswerBuilder().WithBroker("esp32mqtt on PC", "192.0.2.10").Build());
        BrokerFinder finder = Finder(wantedName: "");

        // Act
        finder.Find();

        // Assert
        Assert.Equal(1, _channel.Closes);
    }

    private BrokerFinder Finder(string wantedName)
    {
        var choice = new BrokerChoice(wantedName, "BrokerName in DeviceSettings.cs", "BrokerHost in DeviceSettings.cs", _log);
        return new BrokerFinder(_channel, _clock, choice, _log, _policy);
    }
}
