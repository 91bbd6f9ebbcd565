using System.Net;
using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Transport;

namespace Esp32Mqtt.Broker.Tests.Hosting;

public sealed class BannerWriterTests
{
    private static readonly LanAddress s_wifi = new("wlan0", IPAddress.Parse("192.168.1.23"));

    [Fact]
    public void Shows_the_port_the_lan_addresses_access_and_store()
    {
        // Arrange
        BannerFacts facts = new(new IPEndPoint(IPAddress.IPv6Any, 1883), [s_wifi], AnonymousAllowed: true, UserCount: 0, "/home/me/data/retained.json", 0, "5.2.0", AdvertisedName: "esp32mqtt on DESKTOP-42");
        using StringWriter writer = new();

        // Act
        BannerWriter.Write(writer, facts);

        // Assert
        string[] lines = writer.ToString().Split(Environment.NewLine);
        Assert.Equal("esp32mqtt broker (MQTTnet 5.2.0; MQTT 3.1, 3.1.1 and 5.0)", lines[0]);
        Assert.Equal("Listening on port 1883 on every network interface (IPv4 and IPv6).", lines[1]);
        Assert.Equal("Advertised on the network as 'esp32mqtt on DESKTOP-42': boards whose BrokerHost is empty find it by themselves.", lines[2]);
        Assert.Equal("Or put this PC's address into the firmware settings as the broker address (never 127.0.0.1: on the board, that is the board itself):", lines[3]);
        Assert.Equal("  192.168.1.23     (wlan0)", lines[4]);
        Assert.Equal("Anonymous clients: allowed (no users configured; 'dotnet run --project Broker -- hash-password' makes one)", lines[5]);
        Assert.Equal("Retained messages are stored in /home/me/data/retained.json", lines[6]);
    }

    [Fact]
    public void Asks_for_the_address_in_the_firmware_when_the_broker_is_not_advertised()
    {
        // Arrange
        BannerFacts facts = new(new IPEndPoint(IPAddress.Any, 1883), [s_wifi], AnonymousAllowed: true, UserCount: 0, "retained.json", 0, "5.2.0", AdvertisedName: null);
        using StringWriter writer = new();

        // Act
        BannerWriter.Write(writer, facts);

        // Assert
        string[] lines = writer.ToString().Split(Environment.NewLine);
        Assert.Equal("Not advertised on the network (Broker:Advertise is false): boards find it only by its address.", lines[2]);
        Assert.Equal("Put this PC's address into the firmware settings as the broker address (never 127.0.0.1: on the board, that is the board itself):", lines[3]);
    }

    [Fact]
    public void Says_when_mqttnets_own_listener_serves_the_clients()
    {
        // Arrange
        BannerFacts facts = new(new IPEndPoint(IPAddress.Any, 1883), [s_wifi], AnonymousAllowed: true, UserCount: 0, "retained.json", 0, "5.2.0", TransportKind.MqttNet);
        using StringWriter writer = new();

        // Act
        BannerWriter.Write(writer, facts);

        // Assert
        string[] lines = writer.ToString().Split(Environment.NewLine);
        Assert.Equal("Clients are served by MQTTnet's own TCP listener (Broker:Transport is mqttnet).", lines[1]);
        Assert.StartsWith(BannerWriter.PortLinePrefix, lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Says_what_to_do_when_the_pc_has_no_network_address()
    {
        // Arrange
        BannerFacts facts = new(new IPEndPoint(IPAddress.Any, 1883), [], AnonymousAllowed: true, UserCount: 0, "retained.json", 2, "5.2.0");
        using StringWriter writer = new();

        // Act
        BannerWriter.Write(writer, facts);

        // Assert
        Assert.Contains("No network address found besides 127.0.0.1: connect this PC to the same network (Wi-Fi) as the board.", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Warns_that_a_loopback_broker_cannot_be_reached_by_a_board()
    {
        // Arrange
        BannerFacts facts = new(new IPEndPoint(IPAddress.Loopback, 1883), [s_wifi], AnonymousAllowed: false, UserCount: 2, "retained.json", 2, "5.2.0");
        using StringWriter writer = new();

        // Act
        BannerWriter.Write(writer, facts);

        // Assert
        string text = writer.ToString();
        Assert.Contains("Listening on port 1883 on 127.0.0.1 only.", text, StringComparison.Ordinal);
        Assert.Contains("Only programs on this PC can connect; a board cannot.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dvertised", text, StringComparison.Ordinal);
        Assert.Contains("Anonymous clients: refused; 2 users configured, each client must log in", text, StringComparison.Ordinal);
        Assert.DoesNotContain("192.168.1.23", text, StringComparison.Ordinal);
        Assert.Contains("Retained messages are stored in retained.json (2 kept from the last run)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_once_on_windows_that_the_firewall_must_allow_the_broker_on_private_networks()
    {
        // Arrange
        const string Program = @"C:\Users\me\esp32mqtt\Broker\bin\Debug\net10.0\Broker.exe";
        BannerFacts facts = new(new IPEndPoint(IPAddress.IPv6Any, 1883), [s_wifi], AnonymousAllowed: true, UserCount: 0, "retained.json", 0, "5.2.0", FirewallProgram: Program);
        using StringWriter writer = new();

        // Act
        BannerWriter.Write(writer, facts);

        // Assert
        string[] lines = writer.ToString().Split(Environment.NewLine);
        string reminder = Assert.Single(lines, line => line.Contains("Firewall", StringComparison.Ordinal));
        Assert.Equal(
            $"Windows Defender Firewall must allow {Program} on private networks, or boards cannot connect: choose Allow when Windows asks (README.md, Troubleshooting, shows how to check).",
            reminder);
        Assert.Equal(5, Array.IndexOf(lines, reminder));
    }

    [Theory]
    [InlineData("0.0.0.0", null, false)]
    [InlineData("127.0.0.1", @"C:\Broker.exe", false)]
    [InlineData("0.0.0.0", @"C:\Broker.exe", true)]
    [InlineData("192.168.1.23", @"C:\Broker.exe", true)]
    public void Names_the_firewall_only_on_windows_and_only_when_boards_could_connect(string bindAddress, string? firewallProgram, bool named)
    {
        // Arrange
        BannerFacts facts = new(new IPEndPoint(IPAddress.Parse(bindAddress), 1883), [s_wifi], AnonymousAllowed: true, UserCount: 0, "retained.json", 0, "5.2.0", FirewallProgram: firewallProgram);
        using StringWriter writer = new();

        // Act
        BannerWriter.Write(writer, facts);

        // Assert
        Assert.Equal(named, writer.ToString().Contains("Windows Defender Firewall", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("192.168.1.23", true)]
    [InlineData("10.0.0.5", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("169.254.10.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    public void Lists_only_addresses_a_board_can_reach(string address, bool expected)
    {
        // Act
        bool reachable = LanAddressFinder.IsReachableFromNetwork(IPAddress.Parse(address));

        // Assert
        Assert.Equal(expected, reachable);
    }
}
