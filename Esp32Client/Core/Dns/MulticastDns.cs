namespace Esp32Client.Core
{
    /// <summary>Where multicast DNS is spoken, and the names and TXT keys by which an esp32mqtt broker is known.</summary>
    public static class MulticastDns
    {
        /// <summary>The multicast DNS port (RFC 6762 section 3).</summary>
        public const int Port = 5353;

        /// <summary>The IPv4 multicast DNS group (RFC 6762 section 3).</summary>
        public const string GroupAddress = "224.0.0.251";

        /// <summary>The DNS-SD service type of MQTT brokers (IANA service name "mqtt"; RFC 6763 section 7).</summary>
        public const string MqttServiceType = "_mqtt._tcp.local";

        /// <summary>TXT key naming the program behind the service; other MQTT brokers also advertise <see cref="MqttServiceType"/>.</summary>
        public const string ProductKey = "product";

        /// <summary>The <see cref="ProductKey"/> value of our broker: only answers carrying it are used.</summary>
        public const string ProductValue = "esp32mqtt";

        /// <summary>TXT key carrying the broker's version.</summary>
        public const string VersionKey = "version";

        /// <summary>TXT key saying whether clients must log in: <see cref="UsersRequired"/> or <see cref="UsersOptional"/>.</summary>
        public const string UsersKey = "users";

        /// <summary>The <see cref="UsersKey"/> value of a broker that refuses clients without a user name.</summary>
        public const string UsersRequired = "required";

        /// <summary>The <see cref="UsersKey"/> value of a broker that also takes clients without a user name.</summary>
        public const string UsersOptional = "optional";
    }
}
