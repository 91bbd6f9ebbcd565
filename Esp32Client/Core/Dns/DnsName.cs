namespace Esp32Client.Core
{
    /// <summary>Compares DNS names as DNS does: ASCII letters without regard to case (RFC 1035 section 2.3.3, RFC 6762 section 16).</summary>
    public static class DnsName
    {
        /// <summary>True when the two names are the same name.</summary>
        public static bool AreEqual(string first, string second)
        {
            return first.Length == second.Length && first.ToLower() == second.ToLower();
        }

        /// <summary>
        /// The labels of <paramref name="name"/> before <paramref name="suffix"/> (the instance part of a service
        /// instance name), or an empty string when the name does not end with "." and the suffix.
        /// </summary>
        public static string Before(string name, string suffix)
        {
            int prefixLength = name.Length - suffix.Length - 1;
            if (prefixLength < 1 || name[prefixLength] != '.' || !AreEqual(name.Substring(prefixLength + 1), suffix))
            {
                return string.Empty;
            }

            return name.Substring(0, prefixLength);
        }
    }
}
