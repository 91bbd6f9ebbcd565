using Esp32Client.Core;

namespace Esp32Client.Networking
{
    /// <summary>
    /// Makes the board's connection to a broker at an address known only at run time (found on the network): Core's
    /// <see cref="MqttSessionConnection"/> over a fresh M2Mqtt client per attempt, with the TLS settings of DeviceSettings.
    /// </summary>
    public sealed class M2MqttConnectionFactory : IMqttConnectionFactory
    {
        private readonly bool _useTls;
        private readonly string _caCertificatePem;
        private readonly ILog _log;

        /// <summary>Creates the factory.</summary>
        public M2MqttConnectionFactory(bool useTls, string caCertificatePem, ILog log)
        {
            _useTls = useTls;
            _caCertificatePem = caCertificatePem;
            _log = log;
        }

        /// <summary>A new, disconnected connection to <paramref name="host"/>:<paramref name="port"/>.</summary>
        public IMqttConnection Create(string host, int port)
        {
            return new MqttSessionConnection(new M2MqttSessionFactory(host, port, _useTls, _caCertificatePem, _log), _log);
        }
    }
}
