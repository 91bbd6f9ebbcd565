using System;
using System.Security.Cryptography.X509Certificates;
using Esp32Client.Core;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;

namespace Esp32Client.Networking
{
    /// <summary>
    /// The MQTT connection over nanoFramework.M2Mqtt 5.1.220. Keeps to what M2Mqtt needs handled around it
    /// (nanoframework.md, section 4): the client is built at the first connect, since its constructor resolves the
    /// broker name; nothing is published while disconnected and the client's queue is bounded; every event handler
    /// catches its own exceptions; our own Disconnect is not reported as a lost connection.
    /// </summary>
    public sealed class M2MqttConnection : IMqttConnection
    {
        // M2Mqtt queues outgoing publishes and subscriptions, and incoming QoS 1 messages, in one inflight queue that
        // is unbounded by default (MqttSettings.DefaultInflightQueueSize = int.MaxValue) on a heap of about 80 KB.
        // Incoming messages share it and a full queue drops them, so the bound stays above a burst of commands.
        private const int InflightQueueSize = 8;

        // Subscriptions live as long as the connection: the firmware subscribes again after every reconnect.
        private const bool CleanSession = true;

        private readonly string _brokerHost;
        private readonly int _brokerPort;
        private readonly bool _useTls;
        private readonly string _caCertificatePem;
        private readonly ILog _log;
        private readonly object _gate = new object();
        private MqttClient? _client;
        private bool _disconnectRequested;

        /// <summary>
        /// Creates the connection; nothing touches the network until <see cref="Connect"/>. With
        /// <paramref name="useTls"/>, <paramref name="caCertificatePem"/> is the broker's CA certificate (PEM), or empty
        /// for the root certificates stored on the device.
        /// </summary>
        public M2MqttConnection(string brokerHost, int brokerPort, bool useTls, string caCertificatePem, ILog log)
        {
            _brokerHost = brokerHost;
            _brokerPort = brokerPort;
            _useTls = useTls;
            _caCertificatePem = caCertificatePem;
            _log = log;
        }

        /// <summary>Raised on M2Mqtt's dispatch thread for each message received; keep handlers short.</summary>
        public event MqttMessageHandler? MessageReceived;

        /// <summary>Raised on M2Mqtt's dispatch thread when an established connection drops, not after <see cref="Disconnect"/>.</summary>
        public event MqttConnectionLostHandler? ConnectionLost;

        /// <summary>True while connected to the broker.</summary>
        public bool IsConnected
        {
            get
            {
                MqttClient? client = _client;
                return client != null && client.IsConnected;
            }
        }

        /// <summary>Connects with a retained QoS 1 will and a clean session; never throws.</summary>
        public MqttConnectResult Connect(MqttConnectRequest request)
        {
            MqttClient? client = _client;
            if (client == null)
            {
                X509Certificate? caCertificate = null;
                if (_useTls && _caCertificatePem.Length > 0)
                {
                    try
                    {
                        caCertificate = new X509Certificate(_caCertificatePem);
                    }
                    catch (Exception exception)
                    {
                        return MqttConnectResult.Unreachable("the broker's CA certificate (BrokerCaCertificatePem) cannot be read: " + Describe(exception));
                    }
                }

                try
                {
                    client = CreateClient(caCertificate);
                }
                catch (Exception exception)
                {
                    // DNS happens in MqttClient's constructor (M2Mqtt/Net/MqttNetworkChannel.cs): the next attempt retries it.
                    return MqttConnectResult.Unreachable("cannot resolve the broker " + _brokerHost + ": " + Describe(exception));
                }

                _client = client;
            }

            if (client.IsConnected)
            {
                return MqttConnectResult.Connected();
            }

            // With no will, M2Mqtt wants null topic and message, or Connect throws WillWrong (Messages/MqttMsgConnect.cs).
            bool hasWill = request.WillTopic.Length > 0 && request.WillMessage.Length > 0;
            MqttReasonCode code;
            try
            {
                code = client.Connect(
                    clientId: request.ClientId,
                    username: NullWhenEmpty(request.UserName),
                    password: NullWhenEmpty(request.Password),
                    willRetain: hasWill,
                    willQosLevel: hasWill ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce,
                    willFlag: hasWill,
                    willTopic: hasWill ? request.WillTopic : null,
                    willMessage: hasWill ? request.WillMessage : null,
                    cleanSession: CleanSession,
                    keepAlivePeriod: ToKeepAlivePeriod(request.KeepAliveSeconds));
            }
            catch (Exception exception)
            {
                // A socket or TLS failure throws MqttConnectionException; no CONNACK in time, MqttCommunicationException.
                CloseQuietly(client);
                return MqttConnectResult.Unreachable(Describe(exception));
            }

            if (code != MqttReasonCode.Success)
            {
                // Connect returned with its receive thread running on an open socket: close both.
                CloseQuietly(client);
                return MqttConnectResult.Refused(MqttReasonCodeText.Describe(code));
            }

            // Only now: a ConnectionClosed still due from our previous Disconnect must stay unreported.
            lock (_gate)
            {
                _disconnectRequested = false;
            }

            return MqttConnectResult.Connected();
        }

        /// <summary>Subscribes at QoS 1; false when not connected.</summary>
        public bool Subscribe(string[] topics)
        {
            MqttClient? client = _client;
            if (client == null || !client.IsConnected)
            {
                return false;
            }

            MqttQoSLevel[] levels = new MqttQoSLevel[topics.Length];
            for (int index = 0; index < levels.Length; index++)
            {
                levels[index] = MqttQoSLevel.AtLeastOnce;
            }

            try
            {
                client.Subscribe(topics, levels);
                return true;
            }
            catch (Exception exception)
            {
                _log.Write("MQTT: subscribing failed: " + Describe(exception));
                return false;
            }
        }

        /// <summary>Removes subscriptions; false when not connected.</summary>
        public bool Unsubscribe(string[] topics)
        {
            MqttClient? client = _client;
            if (client == null || !client.IsConnected)
            {
                return false;
            }

            try
            {
                client.Unsubscribe(topics);
                return true;
            }
            catch (Exception exception)
            {
                _log.Write("MQTT: unsubscribing failed: " + Describe(exception));
                return false;
            }
        }

        /// <summary>Publishes at QoS 0; false, with nothing queued, when not connected or the client's queue is full.</summary>
        public bool Publish(string topic, byte[] payload, bool retain)
        {
            MqttClient? client = _client;

            // M2Mqtt's Publish does not check the connection: it would queue until the next Close clears the queue.
            if (client == null || !client.IsConnected)
            {
                return false;
            }

            try
            {
                // The only overload with QoS and retain; contentType and userProperties are MQTT 5 only and must be null.
                client.Publish(topic, payload, null, null, MqttQoSLevel.AtMostOnce, retain);
                return true;
            }
            catch (MqttClientException exception)
            {
                _log.Write(exception.ErrorCode == MqttClientErrorCode.InflightQueueFull
                    ? "MQTT: dropped a message to " + topic + ": the client's queue is full"
                    : "MQTT: publishing to " + topic + " failed: client error " + ((int)exception.ErrorCode).ToString());
                return false;
            }
            catch (Exception exception)
            {
                _log.Write("MQTT: publishing to " + topic + " failed: " + Describe(exception));
                return false;
            }
        }

        /// <summary>Sends DISCONNECT and closes; the will is not published and ConnectionLost is not raised.</summary>
        public void Disconnect()
        {
            // Set before the call: M2Mqtt raises ConnectionClosed after our own Disconnect too (MqttClient.cs).
            lock (_gate)
            {
                _disconnectRequested = true;
            }

            MqttClient? client = _client;
            if (client == null || !client.IsConnected)
            {
                return;
            }

            try
            {
                client.Disconnect();
            }
            catch (Exception exception)
            {
                _log.Write("MQTT: disconnecting failed: " + Describe(exception));
                CloseQuietly(client);
            }
        }

        private MqttClient CreateClient(X509Certificate? caCertificate)
        {
            MqttClient client = new MqttClient(
                _brokerHost,
                _brokerPort,
                _useTls,
                caCertificate,
                null,
                _useTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            client.Settings.InflightQueueSize = InflightQueueSize;

            // Before Connect and Subscribe, so that not even the retained state message sent on subscribing is missed.
            client.MqttMsgPublishReceived += OnMessageReceived;
            client.ConnectionClosed += OnConnectionClosed;
            return client;
        }

        // An exception escaping an M2Mqtt event handler is caught by its dispatch thread, which then closes the
        // connection (nanoframework.md section 4, M2Mqtt commit a1a4d31): every handler catches its own.
        private void OnMessageReceived(object sender, MqttMsgPublishEventArgs e)
        {
            try
            {
                MqttMessageHandler? handler = MessageReceived;
                if (handler != null)
                {
                    handler(e.Topic, e.Message);
                }
            }
            catch (Exception exception)
            {
                _log.Write("MQTT: handling a message failed: " + Describe(exception));
            }
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            try
            {
                bool requested;
                lock (_gate)
                {
                    requested = _disconnectRequested;
                }

                if (requested)
                {
                    return;
                }

                _log.Write("MQTT: the connection to the broker was lost.");
                MqttConnectionLostHandler? handler = ConnectionLost;
                if (handler != null)
                {
                    handler();
                }
            }
            catch (Exception exception)
            {
                _log.Write("MQTT: handling the lost connection failed: " + Describe(exception));
            }
        }

        private void CloseQuietly(MqttClient client)
        {
            try
            {
                client.Close();
            }
            catch (Exception exception)
            {
                _log.Write("MQTT: closing the client failed: " + Describe(exception));
            }
        }

        private static string? NullWhenEmpty(string value)
        {
            // M2Mqtt sends an empty user name as a present-but-empty field; null leaves it out (anonymous).
            return value == null || value.Length == 0 ? null : value;
        }

        private static ushort ToKeepAlivePeriod(int seconds)
        {
            if (seconds <= 0)
            {
                return 0;
            }

            return seconds > ushort.MaxValue ? ushort.MaxValue : (ushort)seconds;
        }

        private static string Describe(Exception exception)
        {
            if (exception is MqttCommunicationException)
            {
                return "no answer from the broker in time, or the connection broke";
            }

            Exception? inner = exception.InnerException;
            return inner == null || inner.Message == null || inner.Message.Length == 0
                ? exception.Message
                : exception.Message + " (" + inner.Message + ")";
        }
    }
}
