namespace Esp32Client.Core
{
    /// <summary>
    /// Checks the broker address set in the firmware. The most common learner mistake is pointing the board at
    /// <c>localhost</c>: on the ESP32 that is the board itself, not the PC running the broker (anchors.md, section 0).
    /// </summary>
    public static class BrokerAddress
    {
        private const string FixAdvice =
            "Leave BrokerHost in DeviceSettings.cs empty to find the broker on the network, or set it to your PC's LAN "
            + "address: the broker lists it when it starts, under 'Or put this PC's address into the firmware settings'.";

        /// <summary>True when <paramref name="host"/> is empty: the board then finds the broker on the network (DNS-SD).</summary>
        public static bool IsFoundOnNetwork(string host)
        {
            return host == null || host.Trim().Length == 0;
        }

        /// <summary>
        /// False, with a message saying why and what to use instead, when <paramref name="host"/> cannot be the broker
        /// as seen from the board: <c>localhost</c>, a loopback or unspecified address. An empty host is fine: it means
        /// finding the broker on the network.
        /// </summary>
        public static bool TryValidateForBoard(string host, out string error)
        {
            error = string.Empty;
            if (IsFoundOnNetwork(host))
            {
                return true;
            }

            string trimmed = host.Trim();

            string lower = trimmed.ToLower();
            if (lower == "localhost" || lower.EndsWith(".localhost") || lower.StartsWith("127.") || lower == "::1"
                || lower == "[::1]" || lower == "0.0.0.0" || lower == "::")
            {
                error = "The broker host \"" + trimmed + "\" means the ESP32 itself, not your PC, so the board could never reach the broker. "
                    + FixAdvice;
                return false;
            }

            return true;
        }
    }
}
