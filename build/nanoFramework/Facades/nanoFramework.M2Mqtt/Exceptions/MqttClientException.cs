// COMPILE-ONLY FACADE: part of the public API of nanoFramework.M2Mqtt 5.1.220 (its nanoFramework.M2Mqtt.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/nanoFramework.m2mqtt:M2Mqtt/Exceptions/MqttClientException.cs

using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>A client-side MQTT error, e.g. a full inflight queue.</summary>
    public class MqttClientException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public MqttClientException(MqttClientErrorCode errorCode) => throw null;

        /// <summary>What went wrong.</summary>
        public MqttClientErrorCode ErrorCode
        {
            get => throw null;
            set => throw null;
        }
    }
}
