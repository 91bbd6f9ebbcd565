using System.Net;
using Esp32Mqtt.Broker.Hosting;

namespace Esp32Mqtt.Broker.Certificates;

/// <summary>The names a client may use to reach this broker, which its certificate must hold (subject alternative names).</summary>
/// <param name="DnsNames">Host names, and the IPv4 addresses written as names (see <see cref="ForThisComputer"/>).</param>
/// <param name="Addresses">IP addresses.</param>
public sealed record ServerNames(IReadOnlyList<string> DnsNames, IReadOnlyList<IPAddress> Addresses)
{
    private const string Localhost = "localhost";
    private const string MulticastDnsDomain = ".local";

    /// <summary>
    /// This PC's host name (also with <c>.local</c>, as mDNS announces it), <c>localhost</c>, the LAN addresses the banner
    /// lists, and the loopback addresses. Each LAN address goes in twice, as an IP address and as a name: the mbedTLS
    /// inside the ESP32's firmware compares the host it connects to with the certificate's DNS names only (mbedTLS 2.x,
    /// library/x509_crt.c, x509_crt_verify_name; IP address names are matched from mbedTLS 3.5 on), so a board told to
    /// connect to 192.168.1.20 finds that name only as text.
    /// </summary>
    public static ServerNames ForThisComputer()
    {
        string hostName = Dns.GetHostName();
        List<string> dnsNames = [hostName];
        if (!hostName.Contains('.', StringComparison.Ordinal))
        {
            dnsNames.Add(hostName + MulticastDnsDomain);
        }

        dnsNames.Add(Localhost);
        IReadOnlyList<IPAddress> lanAddresses = [.. LanAddressFinder.Find().Select(lan => lan.Address).Distinct()];
        dnsNames.AddRange(lanAddresses.Select(address => address.ToString()));
        return new ServerNames(
            [.. dnsNames.Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. lanAddresses, IPAddress.Loopback, IPAddress.IPv6Loopback]);
    }

    /// <summary>Every name, as a person reads them: host names first, then addresses.</summary>
    public IEnumerable<string> All => DnsNames.Concat(Addresses.Select(address => address.ToString())).Distinct(StringComparer.OrdinalIgnoreCase);
}
