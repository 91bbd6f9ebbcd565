namespace Esp32Client.Core
{
    /// <summary>Makes a disconnected <see cref="IMqttConnection"/> to a broker at a given address, once that address is known.</summary>
    public interface IMqttConnectionFactory
    {
        /// <summary>A new connection to <paramref name="host"/>:<paramref name="port"/>; nothing touches the network until it connects.</summary>
        IMqttConnection Create(string host, int port);
    }
}
