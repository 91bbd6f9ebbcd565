namespace Esp32Client.Core
{
    /// <summary>An MQTT broker that answered a DNS-SD query: its instance name, where it listens and what its TXT record says.</summary>
    public sealed class DiscoveredBroker
    {
        /// <summary>Creates the description of one answer.</summary>
        public DiscoveredBroker(string name, string address, int port, string product, string version, bool usersRequired)
        {
            Name = name;
            Address = address;
            Port = port;
            Product = product;
            Version = version;
            UsersRequired = usersRequired;
        }

        /// <summary>The instance name, such as "esp32mqtt on DESKTOP-42" (the first label of the service's name).</summary>
        public string Name { get; }

        /// <summary>The IPv4 address, as dotted text.</summary>
        public string Address { get; }

        /// <summary>The TCP port.</summary>
        public int Port { get; }

        /// <summary>The TXT record's product, or empty when it names none.</summary>
        public string Product { get; }

        /// <summary>The TXT record's version, or empty.</summary>
        public string Version { get; }

        /// <summary>Whether the TXT record says clients must log in.</summary>
        public bool UsersRequired { get; }

        /// <summary>True for an esp32mqtt broker: its TXT record says product=esp32mqtt.</summary>
        public bool IsEsp32Mqtt
        {
            get { return Product == MulticastDns.ProductValue; }
        }

        /// <summary>The name and where it listens, for the log: 'esp32mqtt on PC' at 192.168.1.10:1883.</summary>
        public string Describe()
        {
            return "'" + Name + "' at " + Address + ":" + Port.ToString();
        }

        /// <summary>True when both describe the same instance at the same address and port (one broker answering twice).</summary>
        public bool IsSameAs(DiscoveredBroker other)
        {
            return DnsName.AreEqual(Name, other.Name) && Address == other.Address && Port == other.Port;
        }
    }
}
