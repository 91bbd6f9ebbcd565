namespace Esp32Client.Core
{
    /// <summary>Builds the id that names a board in its topics and as its MQTT client id.</summary>
    public static class DeviceId
    {
        /// <summary>Prefix of every board's id.</summary>
        public const string BoardPrefix = "esp32-";

        /// <summary>How many trailing bytes of the MAC address go into the id (6 hex digits, as ESPHome and Tasmota do).</summary>
        private const int MacBytesUsed = 3;

        private const string HexDigits = "0123456789abcdef";

        /// <summary><c>esp32-</c> + the last 6 hex digits of <paramref name="macAddress"/>, lowercase.</summary>
        public static string FromMacAddress(byte[] macAddress)
        {
            return BoardPrefix + LowercaseHex(macAddress, macAddress.Length - MacBytesUsed, MacBytesUsed);
        }

        /// <summary>The bytes as lowercase hex digits, two per byte.</summary>
        public static string LowercaseHex(byte[] bytes, int start, int count)
        {
            char[] digits = new char[count * 2];
            for (int index = 0; index < count; index++)
            {
                byte value = bytes[start + index];
                digits[index * 2] = HexDigits[value >> 4];
                digits[(index * 2) + 1] = HexDigits[value & 0x0F];
            }

            return new string(digits);
        }
    }
}
