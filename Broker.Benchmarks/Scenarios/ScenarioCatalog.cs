using Esp32Mqtt.Broker.Benchmarks.Device;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>Every scenario, in the order of the benchmark README's table, then the device round trip and the TLS handshake.</summary>
internal static class ScenarioCatalog
{
    /// <summary>All scenarios.</summary>
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new OneToOneScenario(),
        new FanOutScenario(),
        new FanInScenario(),
        new QosOneScenario(),
        new NagleLockStepScenario(),
        new BurstScenario(),
        new LatencyScenario(LatencyScenario.ClickingRate),
        new LatencyScenario(LatencyScenario.BusyRate),
        new IdleConnectionsScenario(),
        new StartupScenario(),
        new DeviceRoundTripScenario(),
        new TlsHandshakeScenario(),
    ];

    /// <summary>What a --dashboard run measures unless --scenario says otherwise: a busy classroom's rate, and start-up.</summary>
    public static IReadOnlyList<IScenario> DashboardCost { get; } = [.. All.Where(scenario => scenario.Name is "latency-5000" or "startup")];

    /// <summary>The scenario called <paramref name="name"/>, or null.</summary>
    public static IScenario? Find(string name)
    {
        return All.FirstOrDefault(scenario => string.Equals(scenario.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
