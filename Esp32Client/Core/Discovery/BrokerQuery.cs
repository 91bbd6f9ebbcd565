namespace Esp32Client.Core
{
    /// <summary>The DNS-SD question a board asks to find brokers: "which instances of _mqtt._tcp.local are there?"</summary>
    public static class BrokerQuery
    {
        /// <summary>
        /// A one-shot multicast DNS query (RFC 6762 section 5.1) for the PTR records of <see cref="MulticastDns.MqttServiceType"/>,
        /// with the unicast-response bit set (section 5.4). Sent from a port other than 5353, it is answered straight back
        /// to that port (section 6.7), so the board needs to join no multicast group. Id and flags are zero (section 18).
        /// </summary>
        public static byte[] Build()
        {
            DnsWriter writer = new DnsWriter();
            writer.WriteHeader(0, 0, 1, 0, 0, 0);
            writer.WriteQuestion(MulticastDns.MqttServiceType, DnsRecordType.Ptr, DnsClass.Internet | DnsClass.TopBit);
            return writer.ToArray();
        }
    }
}
