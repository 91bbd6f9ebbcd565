using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using Esp32Client.Core;
using nanoFramework.Networking;

namespace Esp32Client.Networking
{
    /// <summary>
    /// The WiFi link over WifiNetworkHelper (nanoFramework.System.Device.Wifi 1.5.149): joins the configured network,
    /// or the one stored on the device, never waiting longer than asked, and notices when the link goes away.
    /// </summary>
    public sealed class WifiNetworkLink : INetworkLink
    {
        // Modem sleep stays on: ESP-IDF starts a station in WIFI_PS_MIN_MODEM, and nanoFramework 1.x offers no call to
        // change it (no esp_wifi_set_ps in nf-interpreter:targets/ESP32/_Network/NF_ESP32_Wireless.cpp, nothing in
        // System.Device.Wifi, nanoFramework.Hardware.Esp32 or Wireless80211Configuration.ConfigurationOptions). The radio
        // then wakes at each DTIM beacon, so a command can wait up to a beacon interval or more; a router DTIM of 1 keeps
        // that near 100 ms.

        private const string StoredCredentialsHint =
            "no network is stored on the board or it is out of reach (it must be 2.4 GHz): store one with "
            + "nanoff --networkdeployment wifi.json, in Visual Studio (Device Explorer > Edit Network Configuration > "
            + "Wi-Fi profiles) or in WifiSecrets.cs (copy WifiSecrets.template.cs)";

        // The board has one WiFi adapter.
        private const int WifiAdapterIndex = 0;

        private readonly string _ssid;
        private readonly string _password;
        private readonly bool _requiresValidClock;
        private readonly ILog _log;
        private readonly object _gate = new object();
        private bool _linkAvailable;
        private bool _hasAddress;

        /// <summary>
        /// Creates the link. An empty <paramref name="ssid"/> means the network stored on the device.
        /// <paramref name="requiresValidClock"/> makes joining also wait for the clock (SNTP), which TLS certificate
        /// checks need.
        /// </summary>
        public WifiNetworkLink(string ssid, string password, bool requiresValidClock, ILog log)
        {
            _ssid = ssid;
            _password = password;
            _requiresValidClock = requiresValidClock;
            _log = log;

            // The helpers only notice a drop when asked to connect again; these events say when the link or address changes.
            NetworkChange.NetworkAvailabilityChanged += OnNetworkAvailabilityChanged;
            NetworkChange.NetworkAddressChanged += OnNetworkAddressChanged;
        }

        /// <summary>True while WiFi is connected and the board has an IPv4 address.</summary>
        public bool IsUp
        {
            get
            {
                lock (_gate)
                {
                    return _linkAvailable && _hasAddress;
                }
            }
        }

        /// <summary>Joins the network, blocking at most <paramref name="timeoutMilliseconds"/>; true when the link is up.</summary>
        public bool Join(int timeoutMilliseconds)
        {
            bool joined;
            try
            {
                // Without a token these helpers wait forever (NetworkHelper.InternalWaitNetworkAvailable); a timed-out
                // join can simply be called again (System.Device.Wifi README).
                using (CancellationTokenSource timeout = new CancellationTokenSource(timeoutMilliseconds > 0 ? timeoutMilliseconds : 0))
                {
                    joined = _ssid.Length > 0
                        ? WifiNetworkHelper.ConnectDhcp(
                            _ssid,
                            _password,
                            reconnectionKind: WifiReconnectionKind.Automatic,
                            requiresDateTime: _requiresValidClock,
                            wifiAdapterId: WifiAdapterIndex,
                            token: timeout.Token)
                        : WifiNetworkHelper.Reconnect(
                            requiresDateTime: _requiresValidClock,
                            wifiAdapterId: WifiAdapterIndex,
                            token: timeout.Token);
                }
            }
            catch (Exception exception)
            {
                _log.Write("WiFi: joining failed: " + exception.Message);
                joined = false;
            }

            if (!joined)
            {
                string reason = WifiStatusText.Describe(WifiNetworkHelper.Status, WifiNetworkHelper.HelperException);
                _log.Write(_ssid.Length > 0
                    ? "WiFi: could not join \"" + _ssid + "\": " + reason
                    : "WiFi: could not join the network stored on the board: " + reason + "; " + StoredCredentialsHint);
            }

            lock (_gate)
            {
                _linkAvailable = joined;
                _hasAddress = joined;
            }

            return joined;
        }

        // Raised on the event dispatch thread: a throwing handler would take that thread down, so this one catches.
        private void OnNetworkAvailabilityChanged(object sender, NetworkAvailabilityEventArgs e)
        {
            try
            {
                // Down at once, as the address may outlive the link; back up once there is an address too.
                bool hasAddress = e.IsAvailable && WifiInterface.ReadIpv4Address().Length > 0;
                lock (_gate)
                {
                    _linkAvailable = e.IsAvailable;
                    _hasAddress = hasAddress;
                }

                _log.Write(e.IsAvailable ? "WiFi: link up." : "WiFi: link lost.");
            }
            catch (Exception exception)
            {
                _log.Write("WiFi: handling a link change failed: " + exception.Message);
            }
        }

        private void OnNetworkAddressChanged(object sender, EventArgs e)
        {
            try
            {
                bool hasAddress = WifiInterface.ReadIpv4Address().Length > 0;
                lock (_gate)
                {
                    _hasAddress = hasAddress;
                }
            }
            catch (Exception exception)
            {
                _log.Write("WiFi: handling an address change failed: " + exception.Message);
            }
        }
    }
}
