using System.Device.Gpio;
using System.Threading;
using Esp32Client.Core;
using Esp32Client.Hardware;
using Esp32Client.Networking;

namespace Esp32Client
{
    /// <summary>
    /// Starts the firmware as numbered steps, like the nanoFramework samples: it creates the hardware parts and hands
    /// them to the board, and holds no logic. The board itself is composed in Core/Board/Board.cs, the same code the
    /// simulator and the tests run; the parts are in Hardware/ and Networking/.
    /// </summary>
    public static class Program
    {
        /// <summary>The firmware's entry point; never returns.</summary>
        public static void Main()
        {
            // 1. Diagnostics go to the debug console (Visual Studio's Output window).
            ILog log = new ConsoleLog();

            // 2. Refuse a broker address the board can never reach (localhost means the board itself), and say why.
            string addressError;
            if (!BrokerAddress.TryValidateForBoard(DeviceSettings.BrokerHost, out addressError))
            {
                log.Write(addressError);
                Thread.Sleep(Timeout.Infinite);
            }

            // 3. The settings: who this board is (esp32- and the end of its MAC address), and DeviceSettings.cs.
            BoardSettings settings = new BoardSettings(DeviceId.FromMacAddress(WifiInterface.ReadMacAddress()))
            {
                BrokerHost = DeviceSettings.BrokerHost,
                BrokerPort = DeviceSettings.BrokerPort,
                UserName = DeviceSettings.BrokerUserName,
                Password = DeviceSettings.BrokerPassword,
                UseTls = DeviceSettings.UseTls,
                CaCertificatePem = DeviceSettings.BrokerCaCertificatePem,
                LedPin = DeviceSettings.LedPin,
                LedActiveLow = DeviceSettings.LedActiveLow,
                TelemetryPeriodSeconds = DeviceSettings.TelemetryPeriodSeconds,
                OfflineRebootMinutes = DeviceSettings.OfflineRebootTimeoutMinutes,
                HomeAssistantDiscovery = DeviceSettings.HomeAssistantDiscovery,
            };

            // 4. The LED on its GPIO pin, off until a command or the restored state says otherwise.
            ILedOutput led = new GpioLedOutput(new GpioController(), settings.LedPin, settings.LedActiveLow);

            // 5. The network: WiFi from WifiSecrets.cs if present, else the network stored on the board.
            string ssid;
            string password;
            WifiCredentials.Read(out ssid, out password);
            INetworkLink network = new WifiNetworkLink(ssid, password, settings.UseTls, log);

            // 6. The broker connection: a fresh M2Mqtt client for each attempt, under Core's rules
            //    (Core/Mqtt/MqttSessionConnection.cs); nothing touches the network before the first connect. With
            //    BrokerHost empty, the first connect finds the broker on the network (DNS-SD), on the board's thread.
            IClock clock = new SystemClock(log);
            M2MqttConnectionFactory connections = new M2MqttConnectionFactory(settings.UseTls, settings.CaCertificatePem, log);
            DiscoveryPolicy discovery = new DiscoveryPolicy();
            IMqttConnection mqtt = BrokerAddress.IsFoundOnNetwork(settings.BrokerHost)
                ? new DiscoveringMqttConnection(
                    new BrokerFinder(
                        new UdpMulticastDnsChannel(log),
                        clock,
                        new BrokerChoice(DeviceSettings.BrokerName, "BrokerName in DeviceSettings.cs", "BrokerHost in DeviceSettings.cs", log),
                        log,
                        discovery),
                    connections,
                    discovery,
                    log)
                : connections.Create(settings.BrokerHost, settings.BrokerPort);

            // 7. The board, from its settings and parts: it logs its boot report, then keeps itself connected on a thread
            //    of its own, so that a blocking join or connect never holds up the LED's timers.
            BoardParts parts = new BoardParts(log, clock, led, network, mqtt, new DeviceHealth(), new DeviceRebooter());
            Board board = new Board(settings, parts);
            new Thread(board.Run).Start();

            // 8. Main must not return on nanoFramework.
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
