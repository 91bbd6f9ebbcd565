using System.Net.Sockets;
using Esp32Mqtt.Broker.Benchmarks.Clients;
using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Scenarios;

/// <summary>Who publishes what to whom in a throughput scenario.</summary>
/// <param name="Publishers">Publishing connections.</param>
/// <param name="Subscribers">Subscribing connections; each should receive every message.</param>
/// <param name="SubscriptionFilter">What every subscriber subscribes to.</param>
/// <param name="PublishTopic">The topic publisher i publishes to.</param>
/// <param name="QualityOfService">QoS of the publishes and the subscriptions.</param>
/// <param name="LeadLimited">Whether the publishers share a <see cref="LeadLimit"/> of half the queue limit (QoS 0); QoS 1 is limited by its PUBACK window instead.</param>
/// <param name="CreatePublisher">Makes publisher i's loop from its connected socket, template, thread name and lead limit.</param>
internal sealed record ThroughputShape(
    int Publishers,
    int Subscribers,
    string SubscriptionFilter,
    Func<int, string> PublishTopic,
    int QualityOfService,
    bool LeadLimited,
    Func<Socket, PublishTemplate, string, LeadLimit?, Publisher> CreatePublisher);
