using MQTTnet.Formatter;

namespace Esp32Mqtt.Broker.Events;

/// <summary>Names MQTT protocol versions the way the specifications do.</summary>
public static class ProtocolText
{
    /// <summary>"MQTT 3.1", "MQTT 3.1.1" or "MQTT 5.0".</summary>
    public static string Format(MqttProtocolVersion version)
    {
        return version switch
        {
            MqttProtocolVersion.V310 => "MQTT 3.1",
            MqttProtocolVersion.V311 => "MQTT 3.1.1",
            MqttProtocolVersion.V500 => "MQTT 5.0",
            _ => "MQTT (unknown version)",
        };
    }
}
