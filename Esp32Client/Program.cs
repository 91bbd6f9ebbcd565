using System;
using System.Device.Gpio;
using System.Threading;
using Esp32Client.Core;
using Esp32Client.Hardware;
using Esp32Client.Networking;

namespace Esp32Client
{
    /// <summary>
    /// Wires the firmware together as numbered steps, like the nanoFramework samples; it holds no logic. The logic is
    /// in Core/ (the same files the simulator and the tests run); the adapters are in Hardware/ and Networking/.
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

            // 3. Who this board is: esp32- and the end of its MAC address, in every topic it uses.
            string deviceId = DeviceId.FromMacAddress(WifiInterface.ReadMacAddress());
            DeviceTopics topics = new DeviceTopics(deviceId);
            bool findBroker = BrokerAddress.IsFoundOnNetwork(DeviceSettings.BrokerHost);
            log.Write("Esp32Client " + FirmwareInfo.Version + " as " + deviceId + ": broker "
                + (findBroker ? "found on the network" : DeviceSettings.BrokerHost + ":" + DeviceSettings.BrokerPort.ToString())
                + (DeviceSettings.UseTls ? " over TLS" : string.Empty)
                + ", LED on GPIO " + DeviceSettings.LedPin.ToString() + ", commands on '" + DeviceTopics.AllBoardsLed + "' and '" + topics.Led + "'.");

            // 4. Time, and the LED, off until a command or the restored state says otherwise.
            IClock clock = new SystemClock(log);
            ILedOutput ledOutput = new GpioLedOutput(new GpioController(), DeviceSettings.LedPin, DeviceSettings.LedActiveLow);
            LedController led = new LedController(ledOutput, clock);

            // 5. The network: WiFi from WifiSecrets.cs if present, else the network stored on the board.
            string ssid;
            string password;
            WifiCredentials.Read(out ssid, out password);
            INetworkLink network = new WifiNetworkLink(ssid, password, DeviceSettings.UseTls, log);

            // 6. The broker connection: nothing touches the network before the first connect. With BrokerHost empty, the
            //    first connect finds the broker on the network (DNS-SD), on the connection thread of step 8.
            M2MqttConnectionFactory connections = new M2MqttConnectionFactory(DeviceSettings.UseTls, DeviceSettings.BrokerCaCertificatePem, log);
            DiscoveryPolicy discovery = new DiscoveryPolicy();
            IMqttConnection mqtt = findBroker
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
                : connections.Create(DeviceSettings.BrokerHost, DeviceSettings.BrokerPort);

            // 7. The board's behaviour on MQTT: commands, state, status, errors, telemetry, restore.
            LedDevice device = new LedDevice(
                topics,
                led,
                mqtt,
                clock,
                new DeviceHealth(),
                log,
                DeviceSettings.TelemetryPeriodSeconds * 1000,
                FirmwareInfo.Version);

            // 8. Keep it connected: WiFi, broker, backoff, reboot after too long offline; on a thread of its own, so a
            //    blocking connect never holds up the LED's timers.
            ConnectionPolicy policy = new ConnectionPolicy();
            policy.OfflineRebootMilliseconds = DeviceSettings.OfflineRebootTimeoutMinutes * 60 * 1000;
            MqttConnectRequest request = new MqttConnectRequest(
                deviceId,
                DeviceSettings.BrokerUserName,
                DeviceSettings.BrokerPassword,
                topics.Status,
                DevicePayloads.OfflineText,
                policy.KeepAliveSeconds);
            ConnectionSupervisor supervisor = new ConnectionSupervisor(
                network,
                mqtt,
                request,
                device,
                clock,
                new DeviceRebooter(),
                log,
                policy,
                new Random());
            new Thread(supervisor.Run).Start();

            // 9. Main must not return on nanoFramework.
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
