using Esp32Mqtt.Broker.Tls;
using Esp32Mqtt.Broker.Transport;

namespace Esp32Mqtt.Broker.Configuration;

/// <summary>The broker's settings, bound from the configuration section <c>Broker</c>.</summary>
public sealed class BrokerOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Broker";

    /// <summary>The value of <see cref="BindAddress"/> that means every network interface, IPv4 and IPv6.</summary>
    public const string AllInterfaces = TransportSettings.AllInterfaces;

    /// <summary>The standard MQTT port (OASIS MQTT 3.1.1, section 4.2; IANA registration).</summary>
    public const int StandardMqttPort = 1883;

    /// <summary>The largest remaining length an MQTT packet can declare (OASIS MQTT 3.1.1, section 2.2.3).</summary>
    public const int LargestMqttPacketBytes = 268_435_455;

    /// <summary>The dashboard's port when none is configured: the usual port of a second, local web server.</summary>
    public const int DefaultDashboardPort = 8080;

    /// <summary>Room allowed on top of <see cref="MaxPayloadBytes"/> for the topic, packet id and MQTT 5 properties of a PUBLISH.</summary>
    public const int PacketHeaderAllowanceBytes = 65_536;

    /// <summary>TCP port to listen on; 0 picks any free port (the banner prints the real one).</summary>
    public int Port { get; set; } = StandardMqttPort;

    /// <summary>Address to listen on: <c>*</c> for every interface, or one IP address of this computer.</summary>
    public string BindAddress { get; set; } = AllInterfaces;

    /// <summary>
    /// Whether the broker advertises itself on the local network (DNS-SD over multicast DNS, service <c>_mqtt._tcp</c>),
    /// so that boards whose broker address is left empty find it by themselves.
    /// </summary>
    public bool Advertise { get; set; } = true;

    /// <summary>Whether clients without a user name may connect; unset means "yes when no users are configured".</summary>
    public bool? AllowAnonymous { get; set; }

    /// <summary>Users allowed to connect, each with a password hash made by the <c>hash-password</c> command.</summary>
    public List<BrokerUser> Users { get; set; } = [];

    /// <summary>Folder that holds the retained-message store; a relative path is taken from the current directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Largest PUBLISH payload accepted: a bigger one is dropped and its connection closed; with the fast transport, a
    /// packet bigger than this plus <see cref="PacketHeaderAllowanceBytes"/> is refused before it is read.
    /// </summary>
    public int MaxPayloadBytes { get; set; } = 1_048_576;

    /// <summary>
    /// Messages queued for one slow client. From three quarters of it on, publishers wait for that client; only a client
    /// that stays behind for longer than a second loses its oldest.
    /// </summary>
    public int MaxPendingMessagesPerClient { get; set; } = 1_000;

    /// <summary>
    /// Hours the session of an MQTT 3.1 or 3.1.1 client that connected with clean session off is kept after it went away
    /// (its subscriptions, and the QoS 1 and 2 messages queued for them, up to <see cref="MaxPendingMessagesPerClient"/>);
    /// MQTT 5 clients say for themselves (the session expiry interval). Like Mosquitto's persistent_client_expiration.
    /// </summary>
    public int PersistentSessionExpiryHours { get; set; } = 168;

    /// <summary>
    /// Which transport serves TCP clients: <c>fast</c> (the default, Broker.Transport's shortcuts past MQTTnet's queues) or
    /// <c>mqttnet</c> (MQTTnet's own TCP listener), the fallback when an MQTTnet upgrade breaks the fast one.
    /// </summary>
    public TransportKind Transport { get; set; } = TransportKind.Fast;

    /// <summary>Seconds a new TCP connection may take to send its MQTT CONNECT packet before it is closed.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// TCP port of the web dashboard and of MQTT over WebSockets (path <c>/mqtt</c>), on <see cref="BindAddress"/>; 0 picks
    /// any free port (the banner prints the real one).
    /// </summary>
    public int DashboardPort { get; set; } = DefaultDashboardPort;

    /// <summary>Whether the dashboard and MQTT over WebSockets are served; false leaves <see cref="DashboardPort"/> closed.</summary>
    public bool DashboardEnabled { get; set; } = true;

    /// <summary>The TLS listener beside the plain one (section <c>Broker:Tls</c>).</summary>
    public TlsOptions Tls { get; set; } = new();

    /// <summary>Whether clients that send no user name are accepted, resolving the unset default.</summary>
    public bool AnonymousClientsAllowed => AllowAnonymous ?? Users.Count == 0;

    /// <summary>The largest remaining length a packet may declare before its connection is closed.</summary>
    public int MaxPacketBytes => MaxPayloadBytes + PacketHeaderAllowanceBytes;

    /// <summary>The data directory as an absolute path.</summary>
    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);
}
