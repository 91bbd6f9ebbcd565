using System.Collections;
using Esp32Client.Core;
using Esp32Client.Tests.Fakes;

namespace Esp32Client.Tests.Discovery;

public sealed class BrokerChoiceTests
{
    private const string NameSetting = "BrokerName in DeviceSettings.cs";
    private const string HostSetting = "BrokerHost in DeviceSettings.cs";

    private readonly RecordingLog _log = new();

    [Fact]
    public void Ignores_a_broker_that_does_not_say_it_is_esp32mqtt()
    {
        // Arrange
        BrokerChoice choice = Choice(wantedName: "");
        ArrayList answers = Answers(Other("Robot Vacuum", "192.0.2.50"), Ours("esp32mqtt on PC", "192.0.2.10"));

        // Act
        DiscoveredBroker? chosen = choice.Choose(answers);

        // Assert
        Assert.Equal("esp32mqtt on PC", chosen?.Name);
        Assert.Contains("Ignored 'Robot Vacuum' at 192.0.2.50:1883: its TXT record lacks product=esp32mqtt, so it is some other MQTT broker.", _log.Lines);
        Assert.Contains("Found the broker 'esp32mqtt on PC' at 192.0.2.10:1883 (esp32mqtt 1.0.0).", _log.Lines);
    }

    [Fact]
    public void Finds_nothing_when_only_other_brokers_answer()
    {
        // Arrange
        BrokerChoice choice = Choice(wantedName: "");

        // Act
        DiscoveredBroker? chosen = choice.Choose(Answers(Other("Robot Vacuum", "192.0.2.50")));

        // Assert
        Assert.Null(chosen);
        Assert.Equal("No esp32mqtt broker answered: is the broker running on a PC on this network? Otherwise set BrokerHost in DeviceSettings.cs to the PC's address.", _log.Lines[^1]);
    }

    [Theory]
    [InlineData("esp32mqtt on GARDEN")]
    [InlineData("ESP32MQTT ON garden")]
    [InlineData("  esp32mqtt on GARDEN ")]
    public void Takes_only_the_broker_named_in_the_settings(string wantedName)
    {
        // Arrange
        BrokerChoice choice = Choice(wantedName);
        ArrayList answers = Answers(Ours("esp32mqtt on ATTIC", "192.0.2.1"), Ours("esp32mqtt on GARDEN", "192.0.2.2"));

        // Act
        DiscoveredBroker? chosen = choice.Choose(answers);

        // Assert
        Assert.Equal("192.0.2.2", chosen?.Address);
        Assert.Contains(_log.Lines, line => line.StartsWith("Ignored 'esp32mqtt on ATTIC' at 192.0.2.1:1883: not the broker named", StringComparison.Ordinal));
    }

    [Fact]
    public void Says_how_to_fix_a_name_that_no_broker_has()
    {
        // Arrange
        BrokerChoice choice = Choice("esp32mqtt on KITCHEN");

        // Act
        DiscoveredBroker? chosen = choice.Choose(Answers(Ours("esp32mqtt on ATTIC", "192.0.2.1")));

        // Assert
        Assert.Null(chosen);
        Assert.Equal("No broker named 'esp32mqtt on KITCHEN' answered: set BrokerName in DeviceSettings.cs to one of the names above, or leave it empty to take any.", _log.Lines[^1]);
    }

    [Theory]
    [InlineData("B,a,C")]
    [InlineData("C,B,a")]
    [InlineData("a,C,B")]
    public void Of_several_takes_the_first_by_name_whatever_order_they_answered_in_and_lists_them_all(string arrivalOrder)
    {
        // Arrange
        BrokerChoice choice = Choice(wantedName: "");
        ArrayList answers = Answers([.. arrivalOrder.Split(',').Select((place, index) => Ours("esp32mqtt on " + place, "192.0.2." + (index + 1)))]);

        // Act
        DiscoveredBroker? chosen = choice.Choose(answers);

        // Assert
        Assert.Equal("esp32mqtt on a", chosen?.Name);
        Assert.Equal("Found 3 esp32mqtt brokers:", _log.Lines[0]);
        Assert.Equal(["esp32mqtt on a", "esp32mqtt on B", "esp32mqtt on C"], _log.Lines.Skip(1).Take(3).Select(line => line.Split('\'')[1]));
        Assert.Equal("Using the first, 'esp32mqtt on a'; to use another, set BrokerName in DeviceSettings.cs to its name.", _log.Lines[4]);
    }

    [Fact]
    public void Orders_brokers_of_one_name_by_address_then_port()
    {
        // Arrange
        BrokerChoice choice = Choice(wantedName: "");
        ArrayList answers = Answers(Ours("esp32mqtt on PC", "192.0.2.2", 1883), Ours("esp32mqtt on PC", "192.0.2.1", 1884), Ours("esp32mqtt on PC", "192.0.2.1", 1883));

        // Act
        DiscoveredBroker? chosen = choice.Choose(answers);

        // Assert
        Assert.Equal(("192.0.2.1", 1883), (chosen?.Address, chosen?.Port));
    }

    [Fact]
    public void Counts_a_broker_that_answered_twice_once()
    {
        // Arrange
        BrokerChoice choice = Choice(wantedName: "");
        ArrayList answers = Answers(Ours("esp32mqtt on PC", "192.0.2.10"), Ours("esp32mqtt on PC", "192.0.2.10"));

        // Act
        choice.Choose(answers);

        // Assert
        Assert.Equal(["Found the broker 'esp32mqtt on PC' at 192.0.2.10:1883 (esp32mqtt 1.0.0)."], _log.Lines);
    }

    [Fact]
    public void Says_when_the_broker_wants_clients_to_log_in()
    {
        // Arrange
        BrokerChoice choice = Choice(wantedName: "");
        var locked = new DiscoveredBroker("esp32mqtt on PC", "192.0.2.10", 1883, MulticastDns.ProductValue, "1.0.0", usersRequired: true);

        // Act
        choice.Choose(Answers(locked));

        // Assert
        Assert.Equal(["Found the broker 'esp32mqtt on PC' at 192.0.2.10:1883 (esp32mqtt 1.0.0), clients must log in."], _log.Lines);
    }

    private BrokerChoice Choice(string wantedName)
    {
        return new BrokerChoice(wantedName, NameSetting, HostSetting, _log);
    }

    private static DiscoveredBroker Ours(string name, string address, int port = 1883)
    {
        return new DiscoveredBroker(name, address, port, MulticastDns.ProductValue, "1.0.0", usersRequired: false);
    }

    private static DiscoveredBroker Other(string name, string address)
    {
        return new DiscoveredBroker(name, address, 1883, string.Empty, string.Empty, usersRequired: false);
    }

    private static ArrayList Answers(params DiscoveredBroker[] brokers)
    {
        return new ArrayList(brokers);
    }
}
