using System.Collections;

namespace Esp32Client.Core
{
    /// <summary>
    /// Finds the broker on the local network with DNS-SD over multicast DNS (RFC 6762, RFC 6763): asks for
    /// <see cref="MulticastDns.MqttServiceType"/> a few times, listens for a bounded time after each question, and
    /// leaves the choice to <see cref="BrokerChoice"/>. Blocks for at most <see cref="DiscoveryPolicy.Attempts"/> times
    /// <see cref="DiscoveryPolicy.AttemptMilliseconds"/>: call it from the connection thread, never the LED's.
    /// </summary>
    public sealed class BrokerFinder
    {
        // An Ethernet or WiFi frame's worth: larger answers arrive cut short and are ignored as malformed.
        private const int ReceiveBufferBytes = 1500;

        private readonly IMulticastDnsChannel _channel;
        private readonly IClock _clock;
        private readonly BrokerChoice _choice;
        private readonly ILog _log;
        private readonly DiscoveryPolicy _policy;
        private long _firstAnswerAt;

        /// <summary>Creates the finder; nothing is sent before <see cref="Find"/>.</summary>
        public BrokerFinder(IMulticastDnsChannel channel, IClock clock, BrokerChoice choice, ILog log, DiscoveryPolicy policy)
        {
            _channel = channel;
            _clock = clock;
            _choice = choice;
            _log = log;
            _policy = policy;
        }

        /// <summary>Asks the network, then returns the broker to use, or null when none that may be used answered.</summary>
        public DiscoveredBroker? Find()
        {
            long started = _clock.NowMilliseconds;
            _firstAnswerAt = -1;
            ArrayList answers = new ArrayList();
            try
            {
                Listen(answers);
            }
            finally
            {
                _channel.Close();
            }

            long elapsed = _clock.NowMilliseconds - started;
            string first = _firstAnswerAt < 0 ? string.Empty : " (the first after " + (_firstAnswerAt - started).ToString() + " ms)";
            _log.Write("Asked the network for MQTT brokers (DNS-SD): " + answers.Count.ToString() + " answer(s) in " + elapsed.ToString() + " ms" + first + ".");
            return _choice.Choose(answers);
        }

        private void Listen(ArrayList answers)
        {
            byte[] query = BrokerQuery.Build();
            byte[] buffer = new byte[ReceiveBufferBytes];
            for (int attempt = 0; attempt < _policy.Attempts; attempt++)
            {
                if (!_channel.Send(query))
                {
                    return;
                }

                long deadline = _clock.NowMilliseconds + _policy.AttemptMilliseconds;
                bool heardUsable = false;
                while (true)
                {
                    long remaining = deadline - _clock.NowMilliseconds;
                    if (remaining <= 0)
                    {
                        break;
                    }

                    int received = _channel.Receive(buffer, (int)remaining);
                    if (received < 0)
                    {
                        return;
                    }

                    if (received == 0)
                    {
                        break;
                    }

                    if (_firstAnswerAt < 0)
                    {
                        _firstAnswerAt = _clock.NowMilliseconds;
                    }

                    int before = answers.Count;
                    string problem;
                    if (!BrokerAnswerReader.TryRead(buffer, received, answers, out problem))
                    {
                        _log.Write("Ignored a malformed multicast DNS answer: " + problem + ".");
                    }

                    if (!heardUsable && AnyUsable(answers, before))
                    {
                        // Brokers answer at once; a short while more hears the rest of a classroom's.
                        heardUsable = true;
                        long gatherUntil = _clock.NowMilliseconds + _policy.GatherMilliseconds;
                        deadline = gatherUntil < deadline ? gatherUntil : deadline;
                    }
                }

                if (heardUsable)
                {
                    return;
                }
            }
        }

        private bool AnyUsable(ArrayList answers, int from)
        {
            for (int index = from; index < answers.Count; index++)
            {
                if (_choice.Accepts((DiscoveredBroker)answers[index]!))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
