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
        Assert.Equal("TLS: off ('dotnet run --project Broker -- make-certificates' sets it up)", lines[2]);
        Assert.Equal("Advertised on the network as 'esp32mqtt on DESKTOP-42': boards whose BrokerHost is empty find it by themselves.", lines[3]);
        Assert.Equal("Or put this PC's address into the firmware settings as the broker address (never 127.0.0.1: on the board, that is the board itself):", lines[4]);
        Assert.Equal("  192.168.1.23     (wlan0)", lines[5]);
        Assert.Equal("Anonymous clients: allowed (no users configured; 'dotnet run --project Broker -- hash-password' makes one)", lines[6]);
        Assert.Equal("Retained messages are stored in /home/me/data/retained.json", lines[7]);
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
        Assert.Equal("Not advertised on the network (Broker:Advertise is false): boards find it only by its address.", lines[3]);
        Assert.Equal("Put this PC's address into the firmware settings as the broker address (never 127.0.0.1: on the board, that is the board itself):", lines[4]);
    }

    [Theory]
    [InlineData("/home/me/data/certificates/ca.crt", "TLS on port 8883 too; boards and clients check the broker with the certificate authority in /home/me/data/certificates/ca.crt")]
    [InlineData(null, "TLS on port 8883 too, with the certificate in /etc/broker/cert.pem")]
    public void Shows_the_tls_port_and_what_clients_check_it_with(string? authority, string expected)
    {
        // Arrange
        TlsBannerFacts tls = new(new IPEndPoint(IPAddress.IPv6Any, 8883), authority, authority is null ? "/etc/broker/cert.pem" : "/home/me/data/certificates/server.crt");
        BannerFacts facts = new(new IPEndPoint(IPAddress.IPv6Any, 1883), [s_wifi], AnonymousAllowed: true, UserCount: 0, "retained.json", 0, "5.2.0", Tls: tls);
        using StringWriter writer = new();

        // Act
        BannerWriter.Write(writer, facts);

        // Assert
        Assert.Equal(expected, writer.ToString().Split(Environment.NewLine)[2]);
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
