using System.Net;
using Esp32Mqtt.Broker.Transport;

namespace Esp32Mqtt.Broker.Hosting;

/// <summary>Everything the start-up banner shows.</summary>
/// <param name="LocalEndPoint">The address and real port listened on.</param>
/// <param name="LanAddresses">This PC's addresses for the firmware settings.</param>
/// <param name="AnonymousAllowed">Whether clients without a user name are accepted.</param>
/// <param name="UserCount">How many users are configured.</param>
/// <param name="RetainedStorePath">The retained-message store file.</param>
/// <param name="RetainedMessageCount">How many retained messages were loaded from it.</param>
/// <param name="MqttNetVersion">The MQTTnet version serving clients.</param>
/// <param name="Transport">Which transport serves the TCP clients.</param>
/// <param name="AdvertisedName">The DNS-SD instance name boards find the broker by, or null when it is not advertised.</param>
/// <param name="FirewallProgram">On Windows, the program its firewall must let in (this process's executable); otherwise null.</param>
/// <param name="MoreLines">Lines other parts of the broker add (<see cref="IBannerSection"/>), shown before the console hint.</param>
public sealed record BannerFacts(
    IPEndPoint LocalEndPoint,
    IReadOnlyList<LanAddress> LanAddresses,
    bool AnonymousAllowed,
    int UserCount,
    string RetainedStorePath,
    int RetainedMessageCount,
    string MqttNetVersion,
    TransportKind Transport = TransportKind.Fast,
    string? AdvertisedName = null,
    string? FirewallProgram = null,
    IReadOnlyList<string>? MoreLines = null);
