namespace Esp32Mqtt.Broker.Benchmarks.Cli;

/// <summary>Which brokers a run measures.</summary>
internal enum BrokerSelection
{
    /// <summary>Our broker only (quick checks during optimisation work).</summary>
    Ours,

    /// <summary>Mosquitto only.</summary>
    Mosquitto,

    /// <summary>Both, alternating (--vs-mosquitto).</summary>
    Both,

    /// <summary>Our broker three ways, alternating: dashboard off, on with no page, on with one page open (--dashboard).</summary>
    DashboardCost,
}
