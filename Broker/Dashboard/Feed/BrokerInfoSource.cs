using System.Net;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Hosting;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>Describes the broker for a page's feed (<see cref="BrokerInfo"/>).</summary>
public sealed class BrokerInfoSource
{
    private readonly BrokerServer _broker;
    private readonly BrokerOptions _options;
    private readonly DateTimeOffset _started;

    /// <summary>Describes <paramref name="broker"/>, started now by <paramref name="timeProvider"/>'s clock.</summary>
    public BrokerInfoSource(BrokerServer broker, IOptions<BrokerOptions> options, TimeProvider timeProvider)
    {
        _broker = broker;
        _options = options.Value;
        _started = timeProvider.GetUtcNow();
    }

    /// <summary>The broker as a page shows it to <paramref name="userName"/> (null: nobody logged in).</summary>
    public BrokerInfo Describe(string? userName)
    {
        IPEndPoint? endPoint = _broker.LocalEndPoint;
        IPAddress? bound = endPoint?.Address;
        bool everyInterface = bound is null || bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any);
        IReadOnlyList<string> boardAddresses = everyInterface
            ? [.. LanAddressFinder.Find().Select(lan => lan.Address.ToString())]
            : IPAddress.IsLoopback(bound!) ? [] : [bound!.ToString()];
        return new BrokerInfo(_started, endPoint?.Port ?? 0, boardAddresses, userName, _options.MaxPayloadBytes);
    }
}
