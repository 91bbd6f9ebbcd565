using System.Globalization;
using System.Net;
using Esp32Mqtt.Broker.Transport;

namespace Esp32Mqtt.Broker.Hosting;

/// <summary>Writes the banner shown once at start: where the broker listens and what to put into the firmware.</summary>
public static class BannerWriter
{
    /// <summary>The start of the line that carries the real port; tests read the port from it.</summary>
    public const string PortLinePrefix = "Listening on port ";

    /// <summary>The start of the banner's last line; tests wait for it to read the whole banner.</summary>
    public const string LastLinePrefix = "Type 'help'";

    /// <summary>Writes the banner.</summary>
    public static void Write(TextWriter writer, BannerFacts facts)
    {
        writer.WriteLine($"esp32mqtt broker (MQTTnet {facts.MqttNetVersion}; MQTT 3.1, 3.1.1 and 5.0)");
        if (facts.Transport == TransportKind.MqttNet)
        {
            writer.WriteLine("Clients are served by MQTTnet's own TCP listener (Broker:Transport is mqttnet).");
        }

        writer.WriteLine(PortLinePrefix + facts.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture) + Where(facts.LocalEndPoint.Address));
        WriteAddresses(writer, facts);
        WriteFirewallReminder(writer, facts);
        writer.WriteLine("Anonymous clients: " + DescribeAccess(facts.AnonymousAllowed, facts.UserCount));
        string loaded = facts.RetainedMessageCount switch
        {
            0 => string.Empty,
            1 => " (1 kept from the last run)",
            _ => string.Create(CultureInfo.InvariantCulture, $" ({facts.RetainedMessageCount} kept from the last run)"),
        };
        writer.WriteLine("Retained messages are stored in " + facts.RetainedStorePath + loaded);
        foreach (string line in facts.MoreLines ?? [])
        {
            writer.WriteLine(line);
        }

        writer.WriteLine(LastLinePrefix + " for console commands, or a topic and a payload to publish (led on). Ctrl-C stops the broker.");
        writer.Flush();
    }

    private static string Where(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any))
        {
            return " on every network interface (IPv4 and IPv6).";
        }

        return address.Equals(IPAddress.Any) ? " on every IPv4 network interface." : $" on {address} only.";
    }

    private static void WriteAddresses(TextWriter writer, BannerFacts facts)
    {
        IPAddress bound = facts.LocalEndPoint.Address;
        bool everyInterface = bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any);
        if (IPAddress.IsLoopback(bound))
        {
            writer.WriteLine("Only programs on this PC can connect; a board cannot. Set Broker:BindAddress to * to let boards in.");
            return;
        }

        writer.WriteLine(facts.AdvertisedName is null
            ? "Not advertised on the network (Broker:Advertise is false): boards find it only by its address."
            : $"Advertised on the network as '{facts.AdvertisedName}': boards whose BrokerHost is empty find it by themselves.");
        IReadOnlyList<LanAddress> addresses = everyInterface ? facts.LanAddresses : [.. facts.LanAddresses.Where(a => a.Address.Equals(bound))];
        if (addresses.Count == 0)
        {
            writer.WriteLine(everyInterface
                ? "No network address found besides 127.0.0.1: connect this PC to the same network (Wi-Fi) as the board."
                : $"Put {bound} into the firmware settings as the broker address.");
            return;
        }

        writer.WriteLine((facts.AdvertisedName is null ? "Put" : "Or put") + " this PC's address into the firmware settings as the broker address (never 127.0.0.1: on the board, that is the board itself):");
        foreach (LanAddress address in addresses)
        {
            writer.WriteLine($"  {address.Address,-15}  ({address.InterfaceName})");
        }
    }

    private static void WriteFirewallReminder(TextWriter writer, BannerFacts facts)
    {
        // Windows Defender Firewall asks once, when a program first listens, whether to let it in; cancelled, the program
        // stays blocked without another question, and a board's connection attempts time out without a word on either side.
        if (facts.FirewallProgram is null || IPAddress.IsLoopback(facts.LocalEndPoint.Address))
        {
            return;
        }

        writer.WriteLine($"Windows Defender Firewall must allow {facts.FirewallProgram} on private networks, or boards cannot connect: choose Allow when Windows asks (README.md, Troubleshooting, shows how to check).");
    }

    private static string DescribeAccess(bool anonymousAllowed, int userCount)
    {
        if (userCount == 0)
        {
            return "allowed (no users configured; 'dotnet run --project Broker -- hash-password' makes one)";
        }

        string users = userCount == 1 ? "1 user configured" : string.Create(CultureInfo.InvariantCulture, $"{userCount} users configured");
        return anonymousAllowed ? $"allowed; {users}" : $"refused; {users}, each client must log in";
    }
}
