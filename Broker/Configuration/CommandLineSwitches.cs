using Esp32Mqtt.Broker.Tls;

namespace Esp32Mqtt.Broker.Configuration;

/// <summary>Friendly command-line switches and the configuration keys they stand for.</summary>
public static class CommandLineSwitches
{
    /// <summary>The switch for <see cref="BrokerOptions.Port"/>.</summary>
    public const string Port = "--port";

    /// <summary>The switch for the TLS listener's port, <see cref="TlsOptions.Port"/>.</summary>
    public const string TlsPort = "--tls-port";

    /// <summary>Maps <c>--port 1884</c> to <c>Broker:Port</c>; the long form <c>--Broker:Port=1884</c> works without it.</summary>
    public static IDictionary<string, string> Mappings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [Port] = $"{BrokerOptions.SectionName}:{nameof(BrokerOptions.Port)}",
        ["--bind"] = $"{BrokerOptions.SectionName}:{nameof(BrokerOptions.BindAddress)}",
        ["--data"] = $"{BrokerOptions.SectionName}:{nameof(BrokerOptions.DataDirectory)}",
        [TlsPort] = $"{BrokerOptions.SectionName}:{nameof(BrokerOptions.Tls)}:{nameof(TlsOptions.Port)}",
        ["--dashboard-port"] = $"{BrokerOptions.SectionName}:{nameof(BrokerOptions.DashboardPort)}",
        ["--dashboard"] = $"{BrokerOptions.SectionName}:{nameof(BrokerOptions.DashboardEnabled)}",
    };
}
