using Esp32Client.Core;

namespace Esp32Client.Networking
{
    /// <summary>Makes the board's M2Mqtt connection to a broker found on the network, with the TLS settings of DeviceSettings.</summary>
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

        /// <summary>A new, disconnected M2Mqtt connection to <paramref name="host"/>:<paramref name="port"/>.</summary>
        public IMqttConnection Create(string host, int port)
        {
            return new M2MqttConnection(host, port, _useTls, _caCertificatePem, _log);
        }
    }
}
