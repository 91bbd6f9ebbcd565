namespace Esp32Client.Core
{
    /// <summary>
    /// One resource record as <see cref="DnsReader.TryReadRecord"/> found it: its name, type, class, time to live and
    /// where its data lies in the message. Reused from record to record, so that reading allocates little.
    /// </summary>
    public sealed class DnsRecord
    {
        /// <summary>The name the record is about.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The record type (<see cref="DnsRecordType"/>).</summary>
        public ushort Type { get; set; }

        /// <summary>The class, without the cache-flush bit.</summary>
        public ushort Class { get; set; }

        /// <summary>Whether the cache-flush bit was set (RFC 6762 section 10.2).</summary>
        public bool CacheFlush { get; set; }

        /// <summary>Seconds the record may be kept; 0 says the service is going away (RFC 6762 section 10.1).</summary>
        public uint TimeToLive { get; set; }

        /// <summary>Where the record's data starts in the message.</summary>
        public int DataOffset { get; set; }

        /// <summary>How many bytes of data the record has.</summary>
        public int DataLength { get; set; }
    }
}
