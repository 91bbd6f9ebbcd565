// COMPILE-ONLY FACADE: part of the public API of nanoFramework.M2Mqtt 5.1.220 (its nanoFramework.M2Mqtt.dll),
// declared as the package declares it, for the type-check only (build/nanoFramework/README.md). Never deployed.
// Source: nanoframework/nanoFramework.m2mqtt:M2Mqtt/MqttClient.cs @v5.1.220.
// The delegate split is reproduced on purpose: the events use the delegates nested in IMqttClient, while MqttClient
// declares look-alike nested delegates of its own, so "+= new MqttClient.MqttMsgPublishEventHandler(h)" fails with
// CS0029 exactly as against the real package; "+= h" (a method group) compiles. Not declared here: the v5-only
// properties, ConnectionOpened, ConnectionClosedRequest, Authentication and their delegates.

using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    /// <summary>The MQTT client.</summary>
    public class MqttClient : IMqttClient, IDisposable
    {
        /// <summary>Creates a client; resolves the host name (DNS) at once.</summary>
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) => throw null;

        /// <summary>MqttClient's own PUBLISH delegate, not the one of the MqttMsgPublishReceived event.</summary>
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        /// <summary>MqttClient's own published delegate, not the one of the MqttMsgPublished event.</summary>
        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        /// <summary>MqttClient's own SUBACK delegate, not the one of the MqttMsgSubscribed event.</summary>
        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        /// <summary>MqttClient's own UNSUBACK delegate, not the one of the MqttMsgUnsubscribed event.</summary>
        public delegate void MqttMsgUnsubscribedEventHandler(object sender, MqttMsgUnsubscribedEventArgs e);

        /// <summary>MqttClient's own closed delegate, not the one of the ConnectionClosed event.</summary>
        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        /// <summary>Raised for each PUBLISH received, on the client's dispatch thread.</summary>
        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived
        {
            add => throw null;
            remove => throw null;
        }

        /// <summary>Raised when a publish completes.</summary>
        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished
        {
            add => throw null;
            remove => throw null;
        }

        /// <summary>Raised on SUBACK.</summary>
        public event IMqttClient.MqttMsgSubscribedEventHandler MqttMsgSubscribed
        {
            add => throw null;
            remove => throw null;
        }

        /// <summary>Raised on UNSUBACK.</summary>
        public event IMqttClient.MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed
        {
            add => throw null;
            remove => throw null;
        }

        /// <summary>Raised after the connection closed: on a drop and after Disconnect alike.</summary>
        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed
        {
            add => throw null;
            remove => throw null;
        }

        /// <summary>True while connected.</summary>
        public bool IsConnected => throw null;

        /// <summary>The client settings (one instance shared by all clients).</summary>
        public MqttSettings Settings => throw null;

        /// <summary>Sets the broker and the TLS settings.</summary>
        public void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol) => throw null;

        /// <summary>Connects; returns the CONNACK reason code, throws when the broker cannot be reached.</summary>
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
            ushort keepAlivePeriod) => throw null;

        /// <summary>Sends DISCONNECT and closes; ConnectionClosed follows.</summary>
        public void Disconnect() => throw null;

        /// <summary>Closes the client.</summary>
        public void Close() => throw null;

        /// <summary>Closes the client.</summary>
        public void Dispose() => throw null;

        /// <summary>Queues a SUBSCRIBE; returns its message id.</summary>
        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) => throw null;

        /// <summary>Queues an UNSUBSCRIBE; returns its message id.</summary>
        public ushort Unsubscribe(string[] topics) => throw null;

        /// <summary>Queues a PUBLISH at QoS 0, not retained.</summary>
        public ushort Publish(string topic, byte[] message) => throw null;

        /// <summary>Queues a PUBLISH at QoS 0, not retained (contentType is v5 only).</summary>
        public ushort Publish(string topic, byte[] message, string contentType) => throw null;

        /// <summary>Queues a PUBLISH: the only overload with QoS and retain; throws MqttClientException(InflightQueueFull).</summary>
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) => throw null;
    }
}
