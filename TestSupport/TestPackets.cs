using System.Text;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.TestSupport;

/// <summary>MQTTnet packet objects as a test client sends them, for <see cref="PacketConnection"/>.</summary>
public static class TestPackets
{
    private const ushort KeepAliveSeconds = 60;

    /// <summary>A CONNECT with a clean start and a keep-alive of 60 s; <paramref name="configure"/> sets the rest (limits, will, session).</summary>
    public static MqttConnectPacket Connect(string clientId, Action<MqttConnectPacket>? configure = null)
    {
        MqttConnectPacket connect = new() { ClientId = clientId, CleanSession = true, KeepAlivePeriod = KeepAliveSeconds };
        configure?.Invoke(connect);
        return connect;
    }

    /// <summary>A SUBSCRIBE with packet id <paramref name="packetId"/> and the filters in the order given.</summary>
    public static MqttSubscribePacket Subscribe(ushort packetId, params (string Filter, MqttQualityOfServiceLevel QualityOfService)[] filters)
    {
        MqttSubscribePacket subscribe = new() { PacketIdentifier = packetId };
        foreach ((string filter, MqttQualityOfServiceLevel qualityOfService) in filters)
        {
            subscribe.TopicFilters.Add(new MqttTopicFilter { Topic = filter, QualityOfServiceLevel = qualityOfService });
        }

        return subscribe;
    }

    /// <summary>A PUBLISH of the UTF-8 text <paramref name="payload"/>; <paramref name="packetId"/> counts for QoS 1 and 2 only.</summary>
    public static MqttPublishPacket Publish(string topic, string payload, MqttQualityOfServiceLevel qualityOfService = MqttQualityOfServiceLevel.AtMostOnce, ushort packetId = 0)
    {
        return new MqttPublishPacket
        {
            Topic = topic,
            PayloadSegment = Encoding.UTF8.GetBytes(payload),
            QualityOfServiceLevel = qualityOfService,
            PacketIdentifier = qualityOfService == MqttQualityOfServiceLevel.AtMostOnce ? (ushort)0 : packetId,
        };
    }

    /// <summary>The payload of <paramref name="publish"/> as UTF-8 text.</summary>
    public static string TextOf(MqttPublishPacket publish)
    {
        return Encoding.UTF8.GetString(publish.Payload);
    }
}
