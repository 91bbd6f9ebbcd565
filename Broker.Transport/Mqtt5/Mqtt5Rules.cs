using Esp32Mqtt.Broker.Transport.Connections;

namespace Esp32Mqtt.Broker.Transport.Mqtt5;

/// <summary>What every <see cref="Mqtt5Channel"/> shares: the broker's limits, its clock, the wills kept from MQTTnet, and where problems are reported.</summary>
internal sealed class Mqtt5Rules
{
    /// <summary>Takes the limits from <paramref name="settings"/> and times messages with <paramref name="timeProvider"/>.</summary>
    public Mqtt5Rules(TransportSettings settings, TimeProvider timeProvider)
    {
        // A packet over Broker:MaxPacketBytes of remaining length is refused unread (PacketGuardStream), so a whole packet
        // of that many bytes is always accepted: what the CONNACK may promise (OASIS MQTT 5.0 section 3.2.2.3.6).
        MaximumPacketSize = (uint)settings.MaxPacketBytes;
        HeldLimit = settings.MaxPendingMessagesPerClient;
        Problems = new ConnectionProblems(settings);
        TimeProvider = timeProvider;
    }

    /// <summary>The Maximum Packet Size the broker announces in its CONNACK.</summary>
    public uint MaximumPacketSize { get; }

    /// <summary>How many PUBLISH packets one connection holds back for its client's Receive Maximum (<see cref="SendQuota"/>).</summary>
    public int HeldLimit { get; }

    /// <summary>The wills of MQTT 5 clients, which the broker publishes itself.</summary>
    public KeptWills Wills { get; } = new();

    /// <summary>Where a connection closed for breaking a rule is reported.</summary>
    public ConnectionProblems Problems { get; }

    /// <summary>The broker's clock, for message expiry.</summary>
    public TimeProvider TimeProvider { get; }
}
