// COMPILE-ONLY FACADE: part of the public API of nanoFramework.M2Mqtt 5.1.220 (its nanoFramework.M2Mqtt.Core.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/nanoFramework.m2mqtt:nanoFramework.M2Mqtt.Core/IMqttClient.cs @v5.1.220 (same file stored as
// eclipse/paho.mqtt.m2mqtt:nanoFramework.M2Mqtt.Core/IMqttClient.cs). The delegate types of the events are nested
// in this interface; MqttClient declares look-alike nested delegates of its own (see MqttClient.cs).

using System;
using System.Collections;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    /// <summary>An MQTT client.</summary>
    public interface IMqttClient
    {
        /// <summary>Handles a received PUBLISH.</summary>
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        /// <summary>Handles a completed publish.</summary>
        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        /// <summary>Handles a SUBACK.</summary>
        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        /// <summary>Handles an UNSUBACK.</summary>
        public delegate void MqttMsgUnsubscribedEventHandler(object sender, MqttMsgUnsubscribedEventArgs e);

        /// <summary>Handles the end of the connection.</summary>
        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        /// <summary>Raised for each PUBLISH received.</summary>
        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived;

        /// <summary>Raised when a publish completes.</summary>
        public event MqttMsgPublishedEventHandler MqttMsgPublished;

        /// <summary>Raised on SUBACK.</summary>
        public event MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        /// <summary>Raised on UNSUBACK.</summary>
        public event MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed;

        /// <summary>Raised when the connection ends, whoever ended it.</summary>
        public event ConnectionClosedEventHandler ConnectionClosed;

        /// <summary>True while connected.</summary>
        public bool IsConnected { get; }

        /// <summary>Sets the broker and the TLS settings.</summary>
        void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol);

        /// <summary>Connects; returns the CONNACK reason code.</summary>
        public MqttReasonCode Connect(
            string clientId,
            string username,
            string password,
            bool willRetain,
            MqttQoSLevel willQosLevel,
            bool willFlag,
            string willTopic,
            string willMessage,
            bool cleanSession,
            ushort keepAlivePeriod);

        /// <summary>Sends DISCONNECT and closes.</summary>
        public void Disconnect();

        /// <summary>Queues a SUBSCRIBE; returns its message id.</summary>
        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels);

        /// <summary>Queues an UNSUBSCRIBE; returns its message id.</summary>
        public ushort Unsubscribe(string[] topics);

        /// <summary>Queues a PUBLISH; returns its message id.</summary>
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain);

        /// <summary>Queues a PUBLISH at QoS 0, not retained.</summary>
        public ushort Publish(string topic, byte[] message, string contentType);

        /// <summary>Queues a PUBLISH at QoS 0, not retained.</summary>
        public ushort Publish(string topic, byte[] message);

        /// <summary>Closes the client.</summary>
        public void Close();
    }
}
