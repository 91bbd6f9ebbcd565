using System;
using System.Threading;

namespace Esp32Client.Core
{
    /// <summary>
    /// Keeps the board connected: joins the network, connects to the broker with backoff, notices a lost link or
    /// connection, and reboots after too long offline. An explicit state machine, stepped by <see cref="Step"/> (which
    /// tests call directly) or by <see cref="Run"/> on its own thread (blocking calls never hold up LED timers).
    /// Each change is logged in words, as ESPHome's MQTT client does.
    /// </summary>
    public sealed class ConnectionSupervisor
    {
        private readonly object _sync = new object();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly INetworkLink _link;
        private readonly IMqttConnection _mqtt;
        private readonly MqttConnectRequest _request;
        private readonly IConnectionListener _listener;
        private readonly IClock _clock;
        private readonly IRebooter _rebooter;
        private readonly ILog _log;
        private readonly ConnectionPolicy _policy;
        private readonly Backoff _brokerBackoff;
        private readonly Backoff _networkBackoff;
        private ConnectionState _state = ConnectionState.JoiningNetwork;
        private long _offlineSince;
        private long _retryAt;
        private bool _stopRequested;

        /// <summary>Creates a supervisor in <see cref="ConnectionState.JoiningNetwork"/>, offline since now.</summary>
        public ConnectionSupervisor(
            INetworkLink link,
            IMqttConnection mqtt,
            MqttConnectRequest request,
            IConnectionListener listener,
            IClock clock,
            IRebooter rebooter,
            ILog log,
            ConnectionPolicy policy,
            Random random)
        {
            _link = link;
            _mqtt = mqtt;
            _request = request;
            _listener = listener;
            _clock = clock;
            _rebooter = rebooter;
            _log = log;
            _policy = policy;
            _brokerBackoff = new Backoff(policy.RetryInitialMilliseconds, policy.RetryMaximumMilliseconds, random);
            _networkBackoff = new Backoff(policy.RetryInitialMilliseconds, policy.RetryMaximumMilliseconds, random);
            _offlineSince = clock.NowMilliseconds;
            _mqtt.ConnectionLost += OnConnectionLost;
        }

        /// <summary>Where the supervisor is now.</summary>
        public ConnectionState State
        {
            get
            {
                lock (_sync)
                {
                    return _state;
                }
            }
        }

        /// <summary>Steps the state machine until <see cref="Stop"/>; run it on a thread of its own.</summary>
        public void Run()
        {
            while (true)
            {
                int wait = Step();
                if (State == ConnectionState.Stopped)
                {
                    return;
                }

                if (wait > 0)
                {
                    _wake.WaitOne(wait, false);
                }
            }
        }

        /// <summary>Makes <see cref="Run"/> return after the current step; the connection is left as it is.</summary>
        public void Stop()
        {
            lock (_sync)
            {
                _stopRequested = true;
            }

            _wake.Set();
        }

        /// <summary>
        /// Does what the current state calls for (possibly a blocking join or connect) and returns how many
        /// milliseconds to wait before the next step; it may be woken earlier by a lost connection.
        /// </summary>
        public int Step()
        {
            if (IsStopRequested())
            {
                SetState(ConnectionState.Stopped);
            }

            ConnectionState state = State;
            if (state == ConnectionState.Stopped)
            {
                return Timeout.Infinite;
            }

            if (state == ConnectionState.Connected)
            {
                return StepConnected();
            }

            long offlineFor = _clock.NowMilliseconds - _offlineSince;
            if (offlineFor >= _policy.OfflineRebootMilliseconds)
            {
                _log.Write("Offline for " + (offlineFor / 1000).ToString() + " s: rebooting the board.");
                SetState(ConnectionState.Stopped);
                _rebooter.Reboot();
                return Timeout.Infinite;
            }

            switch (state)
            {
                case ConnectionState.JoiningNetwork:
                    return StepJoiningNetwork();
                case ConnectionState.ConnectingToBroker:
                    return StepConnectingToBroker();
                default:
                    return StepWaitingToRetry();
            }
        }

        private int StepConnected()
        {
            if (!_link.IsUp)
            {
                GoOffline("Network link lost: rejoining.");
                _mqtt.Disconnect();
                SetState(ConnectionState.JoiningNetwork);
                return 0;
            }

            if (!_mqtt.IsConnected)
            {
                GoOffline("Connection to the broker lost.");
                return ScheduleRetry();
            }

            return _policy.LinkCheckMilliseconds;
        }

        private int StepJoiningNetwork()
        {
            if (_link.IsUp || _link.Join(_policy.NetworkJoinTimeoutMilliseconds))
            {
                _networkBackoff.Reset();
                _log.Write("Network link up.");
                SetState(ConnectionState.ConnectingToBroker);
                return 0;
            }

            int delay = _networkBackoff.NextMilliseconds();
            _log.Write("Could not join the network: retrying in " + Seconds(delay) + ".");
            return delay;
        }

        private int StepConnectingToBroker()
        {
            _log.Write("Connecting to the broker as " + _request.ClientId + "...");
            MqttConnectResult result = _mqtt.Connect(_request);
            if (IsStopRequested())
            {
                // Stopped while connecting (shutdown): leave the connection to whoever stopped us.
                SetState(ConnectionState.Stopped);
                return Timeout.Infinite;
            }

            if (result.Outcome == MqttConnectOutcome.Connected)
            {
                _brokerBackoff.Reset();
                SetState(ConnectionState.Connected);
                _log.Write("Connected to the broker.");
                _listener.OnConnected();
                return _policy.LinkCheckMilliseconds;
            }

            string what = result.Outcome == MqttConnectOutcome.Refused ? "The broker refused the connection" : "Could not reach the broker";
            _log.Write(what + ": " + result.Detail);
            return ScheduleRetry();
        }

        private int StepWaitingToRetry()
        {
            long remaining = _retryAt - _clock.NowMilliseconds;
            if (remaining > 0)
            {
                // Woken early (e.g. by a late connection-lost event): keep to the backoff.
                return (int)remaining;
            }

            SetState(_link.IsUp ? ConnectionState.ConnectingToBroker : ConnectionState.JoiningNetwork);
            return 0;
        }

        private int ScheduleRetry()
        {
            int delay = _brokerBackoff.NextMilliseconds();
            _retryAt = _clock.NowMilliseconds + delay;
            SetState(ConnectionState.WaitingToRetry);
            _log.Write("Retrying in " + Seconds(delay) + ".");
            return delay;
        }

        private void GoOffline(string reason)
        {
            _log.Write(reason);
            _offlineSince = _clock.NowMilliseconds;
            _listener.OnDisconnected();
        }

        private bool IsStopRequested()
        {
            lock (_sync)
            {
                return _stopRequested;
            }
        }

        private void SetState(ConnectionState state)
        {
            lock (_sync)
            {
                if (_state != ConnectionState.Stopped)
                {
                    _state = state;
                }
            }
        }

        /// <summary>Wakes <see cref="Run"/> at once; the step then sees that the connection is gone.</summary>
        private void OnConnectionLost()
        {
            _wake.Set();
        }

        private static string Seconds(int milliseconds)
        {
            return (milliseconds / 1000).ToString() + "." + ((milliseconds % 1000) / 100).ToString() + " s";
        }
    }
}
