namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>The names of the two brokers under test, as used on the command line and in the result files.</summary>
internal static class BrokerNames
{
    /// <summary>Our broker (Broker/, MQTTnet).</summary>
    public const string Ours = "ours";

    /// <summary>Debian's Mosquitto.</summary>
    public const string Mosquitto = "mosquitto";
}
