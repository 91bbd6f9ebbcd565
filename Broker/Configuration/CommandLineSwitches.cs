namespace Esp32Mqtt.Broker.Configuration;

/// <summary>Friendly command-line switches and the configuration keys they stand for.</summary>
public static class CommandLineSwitches
{
    /// <summary>Maps <c>--port 1884</c> to <c>Broker:Port</c>; the long form <c>--Broker:Port=1884</c> works without it.</summary>
    public static IDictionary<string, string> Mappings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--port"] = $"{BrokerOptions.SectionName}:{nameof(BrokerOptions.Port)}",
        ["--bind"] = $"{BrokerOptions.SectionName}:{nameof(BrokerOptions.BindAddress)}",
        ["--data"] = $"{BrokerOptions.SectionName}:{nameof(BrokerOptions.DataDirectory)}",
        ["--dashboard-port"] = $"{BrokerOptions.SectionName}:{nameof(BrokerOptions.DashboardPort)}",
        ["--dashboard"] = $"{BrokerOptions.SectionName}:{nameof(BrokerOptions.DashboardEnabled)}",
    };
}
