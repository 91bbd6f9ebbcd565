using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.ConsoleCommands;

/// <summary>Publish a message through the broker's routing: <c>led on</c> or <c>pub led on --retain --qos 1</c>.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Payload">The payload text (UTF-8); empty clears a retained message when retained.</param>
/// <param name="Retain">Whether the broker keeps it for future subscribers.</param>
/// <param name="QualityOfService">QoS 0 or 1.</param>
public sealed record PublishCommand(string Topic, string Payload, bool Retain, MqttQualityOfServiceLevel QualityOfService) : ConsoleCommand;
