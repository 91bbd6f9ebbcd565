// COMPILE-ONLY FACADE: part of the public API of nanoFramework.M2Mqtt 5.1.220 (its nanoFramework.M2Mqtt.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/nanoFramework.m2mqtt:M2Mqtt/MqttSettings.cs @v5.1.220.

namespace nanoFramework.M2Mqtt
{
    /// <summary>Client settings; one instance shared by all clients.</summary>
    public class MqttSettings
    {
        private MqttSettings() => throw null;

        /// <summary>How many outgoing and incoming messages may wait in the client's queue (default int.MaxValue).</summary>
        public int InflightQueueSize
        {
            get => throw null;
            set => throw null;
        }
    }
}
