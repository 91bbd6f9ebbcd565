using System;
using Esp32Client.Core;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

namespace Esp32Client.Networking
{
    /// <summary>
    /// One nanoFramework.M2Mqtt 5.1.220 <see cref="MqttClient"/>, for one connection: translates the calls and reports
    /// its events. The rules around it (a fresh client per attempt, what counts as a lost connection, closing after a
    /// failure, nothing sent while disconnected) are in Core's <see cref="MqttSessionConnection"/>.
    /// </summary>
    public sealed class M2MqttSession : IMqttSession
    {
        private readonly MqttClient _client;
        private readonly IMqttSessionListener _listener;
        private readonly ILog _log;

        /// <summary>Wraps a client not yet connected, and listens to it at once.</summary>
        public M2MqttSession(MqttClient client, IMqttSessionListener listener, ILog log)
        {
            _client = client;
            _listener = listener;
            _log = log;

            // Before Connect and Subscribe, so that not even the retained state sent right after the SUBACK is missed.
            client.MqttMsgPublishReceived += OnMessageReceived;
            client.ConnectionClosed += OnConnectionClosed;
        }

        /// <summary>True while the client is connected.</summary>
        public bool IsConnected
        {
            get { return _client.IsConnected; }
        }

        /// <summary>Connects; a CONNACK other than success is a refusal in words, an unreachable broker throws.</summary>
        public MqttConnectResult Connect(MqttConnectFields fields)
        {
            MqttReasonCode code = _client.Connect(
                clientId: fields.ClientId,
                username: fields.UserName,
                password: fields.Password,
                willRetain: fields.WillRetain,
                willQosLevel: (MqttQoSLevel)fields.WillQualityOfService,
                willFlag: fields.HasWill,
                willTopic: fields.WillTopic,
                willMessage: fields.WillMessage,
                cleanSession: fields.CleanSession,
                keepAlivePeriod: (ushort)fields.KeepAliveSeconds);
            return code == MqttReasonCode.Success
                ? MqttConnectResult.Connected()
                : MqttConnectResult.Refused(MqttReasonCodeText.Describe(code));
        }

        /// <summary>Queues a SUBSCRIBE at QoS 1.</summary>
        public void Subscribe(string[] topics)
        {
            MqttQoSLevel[] levels = new MqttQoSLevel[topics.Length];
            for (int index = 0; index < levels.Length; index++)
            {
                levels[index] = MqttQoSLevel.AtLeastOnce;
            }

            _client.Subscribe(topics, levels);
        }

        /// <summary>Queues an UNSUBSCRIBE.</summary>
        public void Unsubscribe(string[] topics)
        {
            _client.Unsubscribe(topics);
        }

        /// <summary>Queues a PUBLISH at QoS 0.</summary>
        public void Publish(string topic, byte[] payload, bool retain)
        {
            // The only overload with QoS and retain; contentType and userProperties are MQTT 5 only and must be null.
            _client.Publish(topic, payload, null, null, MqttQoSLevel.AtMostOnce, retain);
        }

        /// <summary>Sends DISCONNECT; the client then closes itself and raises ConnectionClosed.</summary>
        public void Disconnect()
        {
            _client.Disconnect();
        }

        /// <summary>Closes the socket and the client's threads; blocks 200 ms or more (M2Mqtt/MqttClient.cs, Close).</summary>
        public void Close()
        {
            _client.Close();
        }

        // Both handlers run on M2Mqtt's dispatch thread, which closes the connection when a handler throws
        // (M2Mqtt/MqttClient.cs at v5.1.220, DispatchEventThread): the listener never throws, and this catch is the last guard.
        private void OnMessageReceived(object sender, MqttMsgPublishEventArgs e)
        {
            try
            {
                _listener.OnMessageReceived(this, e.Topic, e.Message);
            }
            catch (Exception exception)
            {
                _log.Write("MQTT: a message handler failed: " + exception.Message);
            }
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            try
            {
                _listener.OnClosed(this);
            }
            catch (Exception exception)
            {
                _log.Write("MQTT: the connection-closed handler failed: " + exception.Message);
            }
        }
    }
}
