// COMPILE-ONLY FACADE: part of the public API of nanoFramework.M2Mqtt 5.1.220 (its nanoFramework.M2Mqtt.Core.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/Messages/MqttMsgPublishedEventArgs.cs
// @v5.1.220. Declared because IMqttClient's delegates name it; its members are not.

using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>A publish that completed (or failed).</summary>
    public class MqttMsgPublishedEventArgs : EventArgs
    {
        /// <summary>Creates the arguments.</summary>
        public MqttMsgPublishedEventArgs(ushort messageId) => throw null;
    }
}
