using System;

namespace Esp32Client.Core
{
    /// <summary>
    /// The board's <see cref="IMqttConnection"/>: the rules around an MQTT library's client, kept here so that tests
    /// run them. Each connect attempt gets a fresh session: a client object reused after a dropped connection can fail
    /// a reconnect the broker accepted (NANOFRAMEWORK.md, "A reused client fails a reconnect"). Only the current session
    /// counts: a close reported by an earlier one, or after our own <see cref="Disconnect"/>, is not a lost connection.
    /// Nothing is sent while disconnected, a failed attempt is closed, and no call throws.
    /// </summary>
    public sealed class MqttSessionConnection : IMqttConnection, IMqttSessionListener
    {
        /// <summary>
        /// How many operations the library's client may hold queued. M2Mqtt's in-flight queue is unbounded by default
        /// on a heap of about 85 KB, and incoming QoS 1 messages share it, so the bound stays above the burst the board
        /// sends on connecting plus a burst of commands (NANOFRAMEWORK.md, "Publishing while disconnected").
        /// </summary>
        public const int ClientQueueLimit = 8;

        private readonly object _gate = new object();
        private readonly IMqttSessionFactory _factory;
        private readonly ILog _log;
        private IMqttSession? _session;
        private bool _connecting;
        private bool _closedWhileConnecting;

        /// <summary>Creates the connection; nothing touches the network until <see cref="Connect"/>.</summary>
        public MqttSessionConnection(IMqttSessionFactory factory, ILog log)
        {
            _factory = factory;
            _log = log;
        }

        /// <summary>Raised on the library's thread for each message received on the current connection.</summary>
        public event MqttMessageHandler? MessageReceived;

        /// <summary>Raised on the library's thread when the current connection drops, not after <see cref="Disconnect"/>.</summary>
        public event MqttConnectionLostHandler? ConnectionLost;

        /// <summary>True while connected to the broker.</summary>
        public bool IsConnected
        {
            get { return LiveSession() != null; }
        }

        /// <summary>Connects with a fresh session; closes it again if the attempt fails. Never throws.</summary>
        public MqttConnectResult Connect(MqttConnectRequest request)
        {
            if (IsConnected)
            {
                return MqttConnectResult.Connected();
            }

            IMqttSession? session;
            string error;
            if (!_factory.TryCreate(this, out session, out error) || session == null)
            {
                return MqttConnectResult.Unreachable(error);
            }

            lock (_gate)
            {
                // From here on only this session's events count.
                _session = session;
                _connecting = true;
                _closedWhileConnecting = false;
            }

            MqttConnectResult result;
            try
            {
                result = session.Connect(new MqttConnectFields(request));
            }
            catch (Exception exception)
            {
                result = MqttConnectResult.Unreachable(_factory.Describe(exception));
            }

            return Settle(session, result);
        }

        /// <summary>Subscribes at QoS 1; false when not connected or the library refuses.</summary>
        public bool Subscribe(string[] topics)
        {
            IMqttSession? session = LiveSession();
            if (session == null)
            {
                return false;
            }

            try
            {
                session.Subscribe(topics);
                return true;
            }
            catch (Exception exception)
            {
                _log.Write("MQTT: subscribing failed: " + _factory.Describe(exception));
                return false;
            }
        }

        /// <summary>Removes subscriptions; false when not connected or the library refuses.</summary>
        public bool Unsubscribe(string[] topics)
        {
            IMqttSession? session = LiveSession();
            if (session == null)
            {
                return false;
            }

            try
            {
                session.Unsubscribe(topics);
                return true;
            }
            catch (Exception exception)
            {
                _log.Write("MQTT: unsubscribing failed: " + _factory.Describe(exception));
                return false;
            }
        }

        /// <summary>
        /// Publishes at QoS 0; false, with nothing queued, when not connected or the library refuses (its queue full).
        /// M2Mqtt's own Publish does not check the connection and would queue until the next close.
        /// </summary>
        public bool Publish(string topic, byte[] payload, bool retain)
        {
            IMqttSession? session = LiveSession();
            if (session == null)
            {
                return false;
            }

            try
            {
                session.Publish(topic, payload, retain);
                return true;
            }
            catch (Exception exception)
            {
                _log.Write("MQTT: publishing to " + topic + " failed: " + _factory.Describe(exception));
                return false;
            }
        }

        /// <summary>
        /// Sends DISCONNECT and closes; the will is not published and <see cref="ConnectionLost"/> is not raised. During
        /// a connect on another thread, that connect ends the new connection itself once the broker has answered.
        /// </summary>
        public void Disconnect()
        {
            IMqttSession? session;
            bool connecting;
            lock (_gate)
            {
                // Retired before the call: the library reports the close that our own DISCONNECT causes, too.
                session = _session;
                connecting = _connecting;
                _session = null;
            }

            if (session != null && !connecting && session.IsConnected)
            {
                DisconnectQuietly(session);
            }
        }

        /// <summary>Called by the current session for each message: passes it on; ignores earlier sessions. Never throws.</summary>
        public void OnMessageReceived(IMqttSession session, string topic, byte[] payload)
        {
            try
            {
                if (!IsCurrent(session))
                {
                    return;
                }

                MqttMessageHandler? handler = MessageReceived;
                if (handler != null)
                {
                    handler(topic, payload);
                }
            }
            catch (Exception exception)
            {
                Report("MQTT: handling a message on " + topic + " failed: ", exception);
            }
        }

        /// <summary>Called by a session when its connection closed: a lost connection if it is the current one. Never throws.</summary>
        public void OnClosed(IMqttSession session)
        {
            try
            {
                lock (_gate)
                {
                    if (session != _session)
                    {
                        // An earlier connection, a failed attempt, or the close after our own Disconnect.
                        return;
                    }

                    if (_connecting)
                    {
                        // Accepted and closed at once: Connect reports it as a failed attempt.
                        _closedWhileConnecting = true;
                        return;
                    }

                    _session = null;
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
                Report("MQTT: handling the lost connection failed: ", exception);
            }
        }

        private MqttConnectResult Settle(IMqttSession session, MqttConnectResult result)
        {
            bool retired;
            bool closed;
            lock (_gate)
            {
                retired = _session != session;
                closed = _closedWhileConnecting;
                _connecting = false;
                if (!retired && (result.Outcome != MqttConnectOutcome.Connected || closed))
                {
                    _session = null;
                }
            }

            if (result.Outcome != MqttConnectOutcome.Connected)
            {
                // Connect can return with the library's receive thread still running on an open socket (a refusal, or
                // no CONNACK in time): close both. The backoff's delay starts only once this has returned.
                CloseQuietly(session);
                return result;
            }

            if (retired)
            {
                DisconnectQuietly(session);
                return MqttConnectResult.Unreachable("Disconnect was called while connecting");
            }

            if (closed)
            {
                return MqttConnectResult.Unreachable("the broker closed the connection as soon as it had accepted it");
            }

            return result;
        }

        private IMqttSession? LiveSession()
        {
            IMqttSession? session;
            lock (_gate)
            {
                session = _connecting ? null : _session;
            }

            return session != null && session.IsConnected ? session : null;
        }

        private bool IsCurrent(IMqttSession session)
        {
            lock (_gate)
            {
                return session == _session;
            }
        }

        private void DisconnectQuietly(IMqttSession session)
        {
            try
            {
                session.Disconnect();
            }
            catch (Exception exception)
            {
                _log.Write("MQTT: disconnecting failed: " + _factory.Describe(exception));
                CloseQuietly(session);
            }
        }

        private void CloseQuietly(IMqttSession session)
        {
            try
            {
                session.Close();
            }
            catch (Exception exception)
            {
                _log.Write("MQTT: closing the client failed: " + _factory.Describe(exception));
            }
        }

        private void Report(string what, Exception exception)
        {
            try
            {
                _log.Write(what + exception.Message);
            }
            catch (Exception)
            {
                // Nothing may reach the library's thread (NANOFRAMEWORK.md, "Event handlers"), not even a failing log.
            }
        }
    }
}
