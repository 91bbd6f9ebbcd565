using System;
using System.Net.NetworkInformation;

namespace Esp32Client.Networking
{
    /// <summary>Reads the WiFi station interface: its MAC address (the device id) and its IPv4 address.</summary>
    public static class WifiInterface
    {
        // NetworkInterface.IPv4Address reads as this when the interface has no address.
        private const string NoAddress = "0.0.0.0";

        /// <summary>A fresh snapshot of the WiFi station interface, or null when the device has none.</summary>
        public static NetworkInterface? Find()
        {
            // Each NetworkInterface is a snapshot taken by GetAllNetworkInterfaces (nanoFramework.System.Net), so read anew.
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int index = 0; index < interfaces.Length; index++)
            {
                if (interfaces[index].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                {
                    return interfaces[index];
                }
            }

            return null;
        }

        /// <summary>The MAC address of the WiFi interface, from which the device id is made.</summary>
        public static byte[] ReadMacAddress()
        {
            NetworkInterface? wifi = Find();
            if (wifi == null)
            {
                throw new InvalidOperationException("This board has no WiFi station interface: flash an ESP32 firmware image with WiFi (nanoff --target ESP32_REV0).");
            }

            return wifi.PhysicalAddress;
        }

        /// <summary>The IPv4 address of the WiFi interface, or an empty string when it has none.</summary>
        public static string ReadIpv4Address()
        {
            NetworkInterface? wifi = Find();
            if (wifi == null)
            {
                return string.Empty;
            }

            string address = wifi.IPv4Address;
            return address == null || address == NoAddress ? string.Empty : address;
        }
    }
}
