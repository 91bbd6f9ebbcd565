namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>The names of the brokers under test, as used on the command line and in the result files.</summary>
internal static class BrokerNames
{
    /// <summary>Our broker (Broker/, MQTTnet), its dashboard on with no page open, as a learner starts it.</summary>
    public const string Ours = "ours";

    /// <summary>Our broker with its dashboard switched off (--dashboard).</summary>
    public const string OursWithoutDashboard = "ours-no-dashboard";

    /// <summary>Our broker with one dashboard page's feed open (--dashboard).</summary>
    public const string OursWithOnePage = "ours-one-page";

    /// <summary>Debian's Mosquitto.</summary>
    public const string Mosquitto = "mosquitto";
}
