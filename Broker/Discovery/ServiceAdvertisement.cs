using System.Globalization;
using System.Net;
using System.Text;
using Esp32Client.Core;
using Esp32Mqtt.Broker.Configuration;

namespace Esp32Mqtt.Broker.Discovery;

/// <summary>
/// What the broker advertises with DNS-SD (RFC 6763): the instance <see cref="Name"/> people and boards see, the
/// <see cref="HostName"/> its SRV record points to, the real port, and the TXT strings that tell it apart from other
/// MQTT brokers (product=esp32mqtt, version, whether users are required).
/// </summary>
/// <param name="Name">The instance name, such as <c>esp32mqtt on DESKTOP-42</c>.</param>
/// <param name="HostName">The host name of the SRV and A records, such as <c>esp32mqtt-DESKTOP-42.local</c>.</param>
/// <param name="Port">The TCP port the broker listens on.</param>
/// <param name="Text">The TXT record's strings.</param>
public sealed record ServiceAdvertisement(string Name, string HostName, int Port, IReadOnlyList<string> Text)
{
    // RFC 1035 section 2.3.4: a label takes at most 63 bytes.
    private const int MaximumLabelBytes = 63;
    private const string NamePrefix = "esp32mqtt on ";
    private const string HostPrefix = "esp32mqtt-";

    /// <summary>The full DNS name of the instance: its name, then <c>_mqtt._tcp.local</c>.</summary>
    public string InstanceDomainName => Name + "." + MulticastDns.MqttServiceType;

    /// <summary>
    /// What to advertise for a broker listening on <paramref name="endpoint"/>, or null when it should not be: when
    /// <see cref="BrokerOptions.Advertise"/> is off, or when it listens on loopback only, where no board can reach it.
    /// The name carries the port when it is not 1883, so that two brokers on one PC have names of their own.
    /// </summary>
    public static ServiceAdvertisement? For(BrokerOptions options, IPEndPoint endpoint, string machineName, string version)
    {
        if (!options.Advertise || IPAddress.IsLoopback(endpoint.Address))
        {
            return null;
        }

        string machine = machineName.Trim().Length > 0 ? machineName.Trim() : "PC";
        string portSuffix = endpoint.Port == BrokerOptions.StandardMqttPort ? string.Empty : " port " + endpoint.Port.ToString(CultureInfo.InvariantCulture);
        string name = FitLabel(NamePrefix + machine, portSuffix);
        string host = FitLabel(HostPrefix + HostLabel(machine), endpoint.Port == BrokerOptions.StandardMqttPort ? string.Empty : "-" + endpoint.Port.ToString(CultureInfo.InvariantCulture));
        string[] text =
        [
            "txtvers=1",
            MulticastDns.ProductKey + "=" + MulticastDns.ProductValue,
            MulticastDns.VersionKey + "=" + version,
            MulticastDns.UsersKey + "=" + (options.AnonymousClientsAllowed ? MulticastDns.UsersOptional : MulticastDns.UsersRequired),
        ];
        return new ServiceAdvertisement(name, host + ".local", endpoint.Port, text);
    }

    // Host names keep to letters, digits and hyphens (RFC 952, RFC 1123 section 2.1), whatever the PC is called.
    private static string HostLabel(string machine)
    {
        StringBuilder label = new();
        foreach (char character in machine)
        {
            label.Append(char.IsAsciiLetterOrDigit(character) ? character : '-');
        }

        return label.ToString();
    }

    // Shortens the front so that front + suffix fits one label, never cutting a character in two.
    private static string FitLabel(string front, string suffix)
    {
        string label = front + suffix;
        while (Encoding.UTF8.GetByteCount(label) > MaximumLabelBytes)
        {
            front = front[..^1];
            if (char.IsHighSurrogate(front[^1]))
            {
                front = front[..^1];
            }

            label = front + suffix;
        }

        return label;
    }
}
