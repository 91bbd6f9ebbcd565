namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>
/// The settings both brokers get, and how they map onto each (see the README's "Equivalent settings").
/// MQTTnet's MaxPendingMessagesPerClient bounds the PUBLISH packets queued for one client and not yet written; it has
/// no separate in-flight window (it writes QoS 1 messages without waiting for PUBACKs). Mosquitto's
/// max_queued_messages bounds the messages held for one client beyond those in flight, and max_inflight_messages the
/// QoS 1/2 messages written and not yet acknowledged. Mosquitto's 0 ("no limit") for the in-flight window would also
/// lift its QoS 0 bound (db__ready_for_flight in src/database.c), so the window keeps Mosquitto's default of 20.
/// </summary>
/// <param name="QueueLimit">MaxPendingMessagesPerClient for ours, max_queued_messages for Mosquitto.</param>
/// <param name="MosquittoInFlightWindow">Mosquitto's max_inflight_messages; ours has no such limit.</param>
internal sealed record BrokerSettings(int QueueLimit, int MosquittoInFlightWindow)
{
    /// <summary>Our broker's default MaxPendingMessagesPerClient, and also Mosquitto's default max_queued_messages.</summary>
    public const int DefaultQueueLimit = 1_000;

    /// <summary>Both brokers listen on loopback only: the load never leaves this machine.</summary>
    public const string ListenAddress = "127.0.0.1";

    /// <summary>Mosquitto's default max_inflight_messages (mosquitto.conf(5)).</summary>
    public const int DefaultMosquittoInFlightWindow = 20;

    /// <summary>The defaults both products ship with.</summary>
    public static BrokerSettings Default { get; } = new(DefaultQueueLimit, DefaultMosquittoInFlightWindow);
}
