using System;

namespace Esp32Client.Core
{
    /// <summary>
    /// The connection of a board whose broker address is left empty: at the first connect it finds the broker on the
    /// network (<see cref="BrokerFinder"/>, on the caller's thread: the connection supervisor's), connects to what it
    /// found, and keeps using it for the session; after <see cref="DiscoveryPolicy.FailuresBeforeLookingAgain"/>
    /// attempts in a row that cannot reach it (the broker moved to another PC or address), the next connect looks again.
    /// Everything else goes to the connection made for the broker found.
    /// </summary>
    public sealed class DiscoveringMqttConnection : IMqttConnection, IDisposable
    {
        private readonly BrokerFinder _finder;
        private readonly IMqttConnectionFactory _factory;
        private readonly DiscoveryPolicy _policy;
        private readonly ILog _log;
        private readonly object _gate = new object();
        private IMqttConnection? _inner;
        private DiscoveredBroker? _broker;
        private DiscoveredBroker? _connectionTarget;
        private int _unreachableInARow;

        /// <summary>Creates the connection; nothing is looked up before the first <see cref="Connect"/>.</summary>
        public DiscoveringMqttConnection(BrokerFinder finder, IMqttConnectionFactory factory, DiscoveryPolicy policy, ILog log)
        {
            _finder = finder;
            _factory = factory;
            _policy = policy;
            _log = log;
        }

        /// <summary>Raised for each message received on the current connection.</summary>
        public event MqttMessageHandler? MessageReceived;

        /// <summary>Raised when the current connection drops.</summary>
        public event MqttConnectionLostHandler? ConnectionLost;

        /// <summary>The broker in use for this session, or null before one is found (or after it could not be reached).</summary>
        public DiscoveredBroker? Broker
        {
            get
            {
                lock (_gate)
                {
                    return _broker;
                }
            }
        }

        /// <summary>True while connected to the broker found.</summary>
        public bool IsConnected
        {
            get
            {
                IMqttConnection? inner = Inner();
                return inner != null && inner.IsConnected;
            }
        }

        /// <summary>Finds the broker if none is known yet, then connects to it; never throws.</summary>
        public MqttConnectResult Connect(MqttConnectRequest request)
        {
            DiscoveredBroker? broker = Broker;
            if (broker == null)
            {
                broker = _finder.Find();
                if (broker == null)
                {
                    return MqttConnectResult.Unreachable("no esp32mqtt broker answered on the network");
                }

                UseBroker(broker);
            }

            IMqttConnection inner = Inner()!;
            MqttConnectResult result = inner.Connect(request);
            if (result.Outcome != MqttConnectOutcome.Unreachable)
            {
                _unreachableInARow = 0;
                return result;
            }

            _unreachableInARow++;
            if (_unreachableInARow >= _policy.FailuresBeforeLookingAgain)
            {
                _log.Write("Could not reach " + broker.Describe() + " " + _unreachableInARow.ToString() + " times in a row: looking for the broker again next time.");
                lock (_gate)
                {
                    _broker = null;
                }
            }

            return result;
        }

        /// <summary>Subscribes on the current connection; false when not connected.</summary>
        public bool Subscribe(string[] topics)
        {
            IMqttConnection? inner = Inner();
            return inner != null && inner.Subscribe(topics);
        }

        /// <summary>Unsubscribes on the current connection; false when not connected.</summary>
        public bool Unsubscribe(string[] topics)
        {
            IMqttConnection? inner = Inner();
            return inner != null && inner.Unsubscribe(topics);
        }

        /// <summary>Publishes on the current connection; false when not connected.</summary>
        public bool Publish(string topic, byte[] payload, bool retain)
        {
            IMqttConnection? inner = Inner();
            return inner != null && inner.Publish(topic, payload, retain);
        }

        /// <summary>Disconnects the current connection, if any.</summary>
        public void Disconnect()
        {
            IMqttConnection? inner = Inner();
            if (inner != null)
            {
                inner.Disconnect();
            }
        }

        /// <summary>Disposes the connection made for the broker found, when it is disposable, without disconnecting first.</summary>
        public void Dispose()
        {
            IDisposable? disposable = Inner() as IDisposable;
            if (disposable != null)
            {
                disposable.Dispose();
            }
        }

        private void UseBroker(DiscoveredBroker broker)
        {
            _unreachableInARow = 0;
            IMqttConnection? retired = null;
            lock (_gate)
            {
                _broker = broker;
                if (_inner == null || _connectionTarget == null || _connectionTarget.Address != broker.Address || _connectionTarget.Port != broker.Port)
                {
                    retired = _inner;
                    _inner = _factory.Create(broker.Address, broker.Port);
                    _connectionTarget = broker;
                    _inner.MessageReceived += OnMessageReceived;
                    _inner.ConnectionLost += OnConnectionLost;
                }
            }

            if (retired != null)
            {
                // Not connected (every attempt on it failed): only its events and resources are left to let go of.
                retired.MessageReceived -= OnMessageReceived;
                retired.ConnectionLost -= OnConnectionLost;
                IDisposable? disposable = retired as IDisposable;
                if (disposable != null)
                {
                    disposable.Dispose();
                }
            }
        }

        private IMqttConnection? Inner()
        {
            lock (_gate)
            {
                return _inner;
            }
        }

        private void OnMessageReceived(string topic, byte[] payload)
        {
            MqttMessageHandler? handler = MessageReceived;
            if (handler != null)
            {
                handler(topic, payload);
            }
        }

        private void OnConnectionLost()
        {
            MqttConnectionLostHandler? handler = ConnectionLost;
            if (handler != null)
            {
                handler();
            }
        }
    }
}
