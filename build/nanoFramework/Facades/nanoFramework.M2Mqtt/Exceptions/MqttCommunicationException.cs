// COMPILE-ONLY FACADE: part of the public API of nanoFramework.M2Mqtt 5.1.220 (its nanoFramework.M2Mqtt.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/nanoFramework.m2mqtt:M2Mqtt/Exceptions/MqttCommunicationException.cs (stored as
// eclipse/paho.mqtt.m2mqtt:M2Mqtt/Exceptions/MqttCommunicationException.cs); thrown when no answer arrives in time.

using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>Communication with the broker failed or timed out.</summary>
    public class MqttCommunicationException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public MqttCommunicationException() => throw null;

        /// <summary>Creates the exception.</summary>
        public MqttCommunicationException(Exception e) => throw null;
    }
}
