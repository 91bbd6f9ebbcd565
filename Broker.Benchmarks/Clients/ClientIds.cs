using System.Globalization;

namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>The explicit client ids every benchmark connection uses, so both brokers see the same CONNECT packets.</summary>
internal static class ClientIds
{
    /// <summary>The connection that checks a broker is ready.</summary>
    public const string Probe = "bench-probe";

    /// <summary>Publisher number <paramref name="index"/>.</summary>
    public static string Publisher(int index)
    {
        return string.Create(CultureInfo.InvariantCulture, $"bench-pub-{index:00}");
    }

    /// <summary>Subscriber number <paramref name="index"/>.</summary>
    public static string Subscriber(int index)
    {
        return string.Create(CultureInfo.InvariantCulture, $"bench-sub-{index:00}");
    }

    /// <summary>Idle connection number <paramref name="index"/>.</summary>
    public static string Idle(int index)
    {
        return string.Create(CultureInfo.InvariantCulture, $"bench-idle-{index:0000}");
    }
}
