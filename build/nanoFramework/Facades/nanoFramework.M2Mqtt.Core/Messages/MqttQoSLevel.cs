// COMPILE-ONLY FACADE: part of the public API of nanoFramework.M2Mqtt 5.1.220 (its nanoFramework.M2Mqtt.Core.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/Messages/MqttQoSLevel.cs (stored as
// eclipse/paho.mqtt.m2mqtt:M2Mqtt/Messages/MqttQoSLevel.cs).

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>MQTT quality of service.</summary>
    public enum MqttQoSLevel
    {
        /// <summary>QoS 0.</summary>
        AtMostOnce = 0x00,

        /// <summary>QoS 1.</summary>
        AtLeastOnce = 0x01,

        /// <summary>QoS 2.</summary>
        ExactlyOnce = 0x02,

        /// <summary>SUBACK failure [v3.1.1].</summary>
        GrantedFailure = 0x80,
    }
}
