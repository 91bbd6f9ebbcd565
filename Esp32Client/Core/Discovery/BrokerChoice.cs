using System.Collections;

namespace Esp32Client.Core
{
    /// <summary>
    /// Picks the broker to use among the answers: only esp32mqtt brokers count (a robot vacuum may advertise MQTT too),
    /// only the one named in the settings when a name is set, and of several the first in a stable order, so that
    /// every board in a classroom picks the same one. Says in the log what it left out and how to pick another.
    /// </summary>
    public sealed class BrokerChoice
    {
        private readonly string _wantedName;
        private readonly string _nameSetting;
        private readonly string _hostSetting;
        private readonly ILog _log;

        /// <summary>
        /// Creates the rules. <paramref name="wantedName"/> is the instance to use, or empty for any;
        /// <paramref name="nameSetting"/> and <paramref name="hostSetting"/> say where a person sets the name or an
        /// address by hand, for the log (such as "BrokerName in DeviceSettings.cs").
        /// </summary>
        public BrokerChoice(string wantedName, string nameSetting, string hostSetting, ILog log)
        {
            _wantedName = wantedName == null ? string.Empty : wantedName.Trim();
            _nameSetting = nameSetting;
            _hostSetting = hostSetting;
            _log = log;
        }

        /// <summary>True when <paramref name="broker"/> may be used: an esp32mqtt broker with the wanted name, if one is set.</summary>
        public bool Accepts(DiscoveredBroker broker)
        {
            return broker.IsEsp32Mqtt && (_wantedName.Length == 0 || DnsName.AreEqual(broker.Name, _wantedName));
        }

        /// <summary>The broker to use among <paramref name="answers"/> (<see cref="DiscoveredBroker"/>s), or null when none may be used.</summary>
        public DiscoveredBroker? Choose(ArrayList answers)
        {
            ArrayList distinct = Distinct(answers);
            ArrayList usable = new ArrayList();
            bool otherOfOurs = false;
            for (int index = 0; index < distinct.Count; index++)
            {
                DiscoveredBroker broker = (DiscoveredBroker)distinct[index]!;
                if (Accepts(broker))
                {
                    usable.Add(broker);
                }
                else if (!broker.IsEsp32Mqtt)
                {
                    _log.Write("Ignored " + broker.Describe() + ": its TXT record lacks " + MulticastDns.ProductKey + "=" + MulticastDns.ProductValue
                        + ", so it is some other MQTT broker.");
                }
                else
                {
                    otherOfOurs = true;
                    _log.Write("Ignored " + broker.Describe() + ": not the broker named '" + _wantedName + "' (" + _nameSetting + ").");
                }
            }

            if (usable.Count == 0)
            {
                _log.Write(otherOfOurs
                    ? "No broker named '" + _wantedName + "' answered: set " + _nameSetting + " to one of the names above, or leave it empty to take any."
                    : "No esp32mqtt broker answered: is the broker running on a PC on this network? Otherwise set " + _hostSetting + " to the PC's address.");
                return null;
            }

            Sort(usable);
            DiscoveredBroker chosen = (DiscoveredBroker)usable[0]!;
            if (usable.Count == 1)
            {
                _log.Write("Found the broker " + chosen.Describe() + Details(chosen) + ".");
                return chosen;
            }

            _log.Write("Found " + usable.Count.ToString() + " esp32mqtt brokers:");
            for (int index = 0; index < usable.Count; index++)
            {
                DiscoveredBroker broker = (DiscoveredBroker)usable[index]!;
                _log.Write("  " + broker.Describe() + Details(broker));
            }

            _log.Write("Using the first, '" + chosen.Name + "'; to use another, set " + _nameSetting + " to its name.");
            return chosen;
        }

        private static ArrayList Distinct(ArrayList answers)
        {
            ArrayList distinct = new ArrayList();
            for (int index = 0; index < answers.Count; index++)
            {
                DiscoveredBroker broker = (DiscoveredBroker)answers[index]!;
                bool seen = false;
                for (int earlier = 0; earlier < distinct.Count && !seen; earlier++)
                {
                    seen = broker.IsSameAs((DiscoveredBroker)distinct[earlier]!);
                }

                if (!seen)
                {
                    distinct.Add(broker);
                }
            }

            return distinct;
        }

        // Insertion sort: a handful of brokers at most, and no generic comparer on nanoFramework.
        private static void Sort(ArrayList brokers)
        {
            for (int index = 1; index < brokers.Count; index++)
            {
                DiscoveredBroker current = (DiscoveredBroker)brokers[index]!;
                int at = index - 1;
                while (at >= 0 && ComesBefore(current, (DiscoveredBroker)brokers[at]!))
                {
                    brokers[at + 1] = brokers[at];
                    at--;
                }

                brokers[at + 1] = current;
            }
        }

        private static bool ComesBefore(DiscoveredBroker first, DiscoveredBroker second)
        {
            int byName = CompareOrdinal(first.Name.ToLower(), second.Name.ToLower());
            if (byName != 0)
            {
                return byName < 0;
            }

            int byAddress = CompareOrdinal(first.Address, second.Address);
            return byAddress != 0 ? byAddress < 0 : first.Port < second.Port;
        }

        // By character code, the same on the board and on a PC whatever its culture.
        private static int CompareOrdinal(string first, string second)
        {
            int shorter = first.Length < second.Length ? first.Length : second.Length;
            for (int index = 0; index < shorter; index++)
            {
                if (first[index] != second[index])
                {
                    return first[index] - second[index];
                }
            }

            return first.Length - second.Length;
        }

        private static string Details(DiscoveredBroker broker)
        {
            string version = broker.Version.Length > 0 ? " (esp32mqtt " + broker.Version + ")" : string.Empty;
            return broker.UsersRequired ? version + ", clients must log in" : version;
        }
    }
}
