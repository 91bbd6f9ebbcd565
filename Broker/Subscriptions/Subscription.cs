using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Subscriptions;

/// <summary>One client's subscription to one topic filter, as MQTTnet granted it.</summary>
/// <param name="ClientId">The subscribing client.</param>
/// <param name="TopicFilter">The filter, possibly with <c>+</c> and <c>#</c> wildcards.</param>
/// <param name="QualityOfService">The granted QoS.</param>
/// <param name="NoLocal">MQTT 5 "no local": the client does not receive its own publishes on this filter.</param>
public sealed record Subscription(string ClientId, string TopicFilter, MqttQualityOfServiceLevel QualityOfService, bool NoLocal);
