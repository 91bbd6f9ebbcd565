using System;
using System.Security.Cryptography.X509Certificates;
using Esp32Client.Core;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;

namespace Esp32Client.Networking
{
    /// <summary>
    /// Makes a new nanoFramework.M2Mqtt <see cref="MqttClient"/> for each connect attempt (why: NANOFRAMEWORK.md, "A
    /// reused client fails a reconnect"), and puts M2Mqtt's exceptions into words.
    /// </summary>
    public sealed class M2MqttSessionFactory : IMqttSessionFactory
    {
        private readonly string _brokerHost;
        private readonly int _brokerPort;
        private readonly bool _useTls;
        private readonly string _caCertificatePem;
        private readonly ILog _log;
        private X509Certificate? _caCertificate;

        /// <summary>
        /// Creates the factory; nothing touches the network until a session is made. With <paramref name="useTls"/>,
        /// <paramref name="caCertificatePem"/> is the broker's CA certificate (PEM), or empty for the device's own roots.
        /// </summary>
        public M2MqttSessionFactory(string brokerHost, int brokerPort, bool useTls, string caCertificatePem, ILog log)
        {
            _brokerHost = brokerHost;
            _brokerPort = brokerPort;
            _useTls = useTls;
            _caCertificatePem = caCertificatePem;
            _log = log;
        }

        /// <summary>Makes a client: reads the CA certificate the first time, and resolves the broker's name (DNS) every time.</summary>
        public bool TryCreate(IMqttSessionListener listener, out IMqttSession? session, out string error)
        {
            session = null;
            error = string.Empty;
            if (_useTls && _caCertificatePem.Length > 0 && _caCertificate == null)
            {
                try
                {
                    _caCertificate = new X509Certificate(_caCertificatePem);
                }
                catch (Exception exception)
                {
                    error = "the broker's CA certificate (BrokerCaCertificatePem) cannot be read: " + Describe(exception);
                    return false;
                }
            }

            MqttClient client;
            try
            {
                // The constructor resolves the broker's name (M2Mqtt/Net/MqttNetworkChannel.cs): after WiFi is up, and anew
                // for each attempt, so an address that changed is picked up.
                client = new MqttClient(
                    _brokerHost,
                    _brokerPort,
                    _useTls,
                    _caCertificate,
                    null,
                    _useTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            }
            catch (Exception exception)
            {
                error = "cannot resolve the broker " + _brokerHost + ": " + Describe(exception);
                return false;
            }

            client.Settings.InflightQueueSize = MqttSessionConnection.ClientQueueLimit;
            session = new M2MqttSession(client, listener, _log);
            return true;
        }

        /// <summary>Why an M2Mqtt call threw, in words.</summary>
        public string Describe(Exception exception)
        {
            if (exception is MqttCommunicationException)
            {
                return "no answer from the broker in time, or the connection broke";
            }

            MqttClientException? clientError = exception as MqttClientException;
            if (clientError != null)
            {
                return clientError.ErrorCode == MqttClientErrorCode.InflightQueueFull
                    ? "the client's queue is full"
                    : "client error " + ((int)clientError.ErrorCode).ToString();
            }

            Exception? inner = exception.InnerException;
            return inner == null || inner.Message == null || inner.Message.Length == 0
                ? exception.Message
                : exception.Message + " (" + inner.Message + ")";
        }
    }
}
