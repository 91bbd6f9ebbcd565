// COMPILE-ONLY FACADE: part of the public API of nanoFramework.M2Mqtt 5.1.220 (its nanoFramework.M2Mqtt.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/nanoFramework.m2mqtt:M2Mqtt/Exceptions/MqttClientException.cs (the enum continues after
// InflightQueueFull with InvalidFlagBits, InvalidConnectFlags, InvalidClientId, ...; those are not declared here).

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>Client-side MQTT errors.</summary>
    public enum MqttClientErrorCode
    {
        /// <summary>Will topic, message or QoS wrong (with willFlag false they must be null).</summary>
        WillWrong = 1,

        /// <summary>Keep-alive period too large.</summary>
        KeepAliveWrong,

        /// <summary>Wildcards in a publish topic.</summary>
        TopicWildcard,

        /// <summary>Topic too long.</summary>
        TopicLength,

        /// <summary>QoS not allowed.</summary>
        QosNotAllowed,

        /// <summary>No topics to subscribe.</summary>
        TopicsEmpty,

        /// <summary>No QoS levels to subscribe.</summary>
        QosLevelsEmpty,

        /// <summary>Topics and QoS levels differ in number.</summary>
        TopicsQosLevelsNotMatch,

        /// <summary>Unexpected message from the broker.</summary>
        WrongBrokerMessage,

        /// <summary>Wrong message id.</summary>
        WrongMessageId,

        /// <summary>The inflight queue is full.</summary>
        InflightQueueFull,
    }
}
