namespace Esp32Client.Core
{
    /// <summary>The DNS class field as multicast DNS uses it: the class in the low 15 bits, a flag in the top one.</summary>
    public static class DnsClass
    {
        /// <summary>The Internet class (RFC 1035 section 3.2.4).</summary>
        public const ushort Internet = 1;

        /// <summary>
        /// The top bit: in a question, "send the answer by unicast" (RFC 6762 section 5.4); in a record, "this record
        /// replaces what you have cached for its name and type" (cache flush, RFC 6762 section 10.2).
        /// </summary>
        public const ushort TopBit = 0x8000;

        /// <summary>The bits that hold the class itself.</summary>
        public const ushort ClassMask = 0x7FFF;
    }
}
