using System.Collections;

namespace Esp32Client.Core
{
    /// <summary>
    /// Reads the MQTT brokers out of one multicast DNS response. A responder answers a PTR question with the PTR
    /// records and puts each instance's SRV, TXT and address records in the same message (RFC 6763 section 12), so
    /// one datagram describes each broker whole; an instance it does not describe whole (no SRV or no address) is
    /// left out, as is one saying goodbye (time to live 0, RFC 6762 section 10.1).
    /// </summary>
    public static class BrokerAnswerReader
    {
        /// <summary>
        /// Adds a <see cref="DiscoveredBroker"/> to <paramref name="found"/> for each broker the response describes.
        /// False, with <paramref name="problem"/> saying why and nothing added, when the message is malformed.
        /// </summary>
        public static bool TryRead(byte[] message, int length, ArrayList found, out string problem)
        {
            problem = string.Empty;
            DnsReader reader = new DnsReader(message, length);
            if (!reader.TryReadHeader())
            {
                problem = reader.Problem;
                return false;
            }

            if (!reader.IsResponse)
            {
                // Someone else's question, not an answer: nothing to read, nothing wrong.
                return true;
            }

            for (int index = 0; index < reader.QuestionCount; index++)
            {
                string name;
                ushort type;
                ushort questionClass;
                if (!reader.TryReadQuestion(out name, out type, out questionClass))
                {
                    problem = reader.Problem;
                    return false;
                }
            }

            // Every record is read before any is used, so that a malformed message adds nothing.
            DnsRecord[] records = new DnsRecord[reader.RecordCount];
            for (int index = 0; index < records.Length; index++)
            {
                DnsRecord record = new DnsRecord();
                if (!reader.TryReadRecord(record))
                {
                    problem = reader.Problem;
                    return false;
                }

                records[index] = record;
            }

            ArrayList brokers = new ArrayList();
            for (int index = 0; index < records.Length; index++)
            {
                DnsRecord record = records[index];
                if (record.Type != DnsRecordType.Ptr || record.TimeToLive == 0 || !DnsName.AreEqual(record.Name, MulticastDns.MqttServiceType))
                {
                    continue;
                }

                string instance;
                if (!reader.TryReadPointer(record, out instance))
                {
                    problem = reader.Problem;
                    return false;
                }

                DiscoveredBroker? broker;
                if (!TryDescribe(reader, records, instance, out broker))
                {
                    problem = reader.Problem;
                    return false;
                }

                if (broker != null)
                {
                    brokers.Add(broker);
                }
            }

            for (int index = 0; index < brokers.Count; index++)
            {
                found.Add(brokers[index]);
            }

            return true;
        }

        private static bool TryDescribe(DnsReader reader, DnsRecord[] records, string instance, out DiscoveredBroker? broker)
        {
            broker = null;
            string name = DnsName.Before(instance, MulticastDns.MqttServiceType);
            DnsRecord? service = Find(records, instance, DnsRecordType.Srv);
            if (name.Length == 0 || service == null)
            {
                return true;
            }

            int port;
            string host;
            if (!reader.TryReadService(service, out port, out host))
            {
                return false;
            }

            DnsRecord? addressRecord = Find(records, host, DnsRecordType.A);
            if (addressRecord == null)
            {
                return true;
            }

            string address;
            if (!reader.TryReadIpv4Address(addressRecord, out address))
            {
                return false;
            }

            string product = string.Empty;
            string version = string.Empty;
            string users = string.Empty;
            DnsRecord? text = Find(records, instance, DnsRecordType.Txt);
            if (text != null)
            {
                reader.TryFindText(text, MulticastDns.ProductKey, out product);
                reader.TryFindText(text, MulticastDns.VersionKey, out version);
                reader.TryFindText(text, MulticastDns.UsersKey, out users);
            }

            broker = new DiscoveredBroker(name, address, port, product, version, users == MulticastDns.UsersRequired);
            return true;
        }

        private static DnsRecord? Find(DnsRecord[] records, string name, ushort type)
        {
            for (int index = 0; index < records.Length; index++)
            {
                DnsRecord record = records[index];
                if (record.Type == type && record.Class == DnsClass.Internet && record.TimeToLive > 0 && DnsName.AreEqual(record.Name, name))
                {
                    return record;
                }
            }

            return null;
        }
    }
}
