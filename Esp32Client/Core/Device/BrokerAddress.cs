namespace Esp32Client.Core
{
    /// <summary>
    /// Checks the broker address set in the firmware. The most common learner mistake is pointing the board at
    /// <c>localhost</c>: on the ESP32 that is the board itself, not the PC running the broker (anchors.md, section 0).
    /// </summary>
    public static class BrokerAddress
    {
        private const string FixAdvice =
            "Set BrokerHost in DeviceSettings.cs to your PC's LAN address: the broker lists it when it starts, under "
            + "'Put this PC's address into the firmware settings as the broker address'.";

        /// <summary>
        /// False, with a message saying why and what to use instead, when <paramref name="host"/> cannot be the broker
        /// as seen from the board: empty, <c>localhost</c>, a loopback or unspecified address.
        /// </summary>
        public static bool TryValidateForBoard(string host, out string error)
        {
            error = string.Empty;
            string trimmed = host == null ? string.Empty : host.Trim();
            if (trimmed.Length == 0)
            {
                error = "The broker host is empty. " + FixAdvice;
                return false;
            }

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
