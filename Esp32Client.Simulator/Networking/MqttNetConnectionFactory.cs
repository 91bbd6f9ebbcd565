using Esp32Client.Core;

namespace Esp32Client.Simulator.Networking;

/// <summary>Makes the simulator's MQTTnet connection to a broker once its address is known (found on the network).</summary>
public sealed class MqttNetConnectionFactory(string userName, string password, ILog log) : IMqttConnectionFactory
{
    public IMqttConnection Create(string host, int port)
    {
        return new MqttNetConnection(host, port, userName, password, log);
    }
}
