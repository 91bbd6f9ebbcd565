namespace Esp32Client.Core
{
    /// <summary>The DNS record types that service discovery uses (RFC 1035 section 3.2.2, RFC 2782, RFC 6762).</summary>
    public static class DnsRecordType
    {
        /// <summary>An IPv4 address.</summary>
        public const ushort A = 1;

        /// <summary>A pointer: a service type to one of its instances (RFC 6763 section 4.1).</summary>
        public const ushort Ptr = 12;

        /// <summary>Text strings: the key=value pairs that describe an instance (RFC 6763 section 6).</summary>
        public const ushort Txt = 16;

        /// <summary>Where an instance runs: host name and port (RFC 2782).</summary>
        public const ushort Srv = 33;

        /// <summary>Every type the responder has for a name (a question only).</summary>
        public const ushort Any = 255;
    }
}
