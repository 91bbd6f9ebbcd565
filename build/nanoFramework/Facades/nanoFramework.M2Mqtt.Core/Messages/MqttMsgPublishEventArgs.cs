// COMPILE-ONLY FACADE: part of the public API of nanoFramework.M2Mqtt 5.1.220 (its nanoFramework.M2Mqtt.Core.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/Messages/MqttMsgPublishEventArgs.cs
// @v5.1.220. DupFlag, QosLevel and Retain are not declared here.

using System;

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>A PUBLISH received from the broker.</summary>
    public class MqttMsgPublishEventArgs : EventArgs
    {
        /// <summary>Creates the arguments.</summary>
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain) => throw null;

        /// <summary>The topic.</summary>
        public string Topic
        {
            get => throw null;
            internal set => throw null;
        }

        /// <summary>The payload.</summary>
        public byte[] Message
        {
            get => throw null;
            internal set => throw null;
        }
    }
}
