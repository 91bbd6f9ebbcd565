using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>Makes a <see cref="FakeMqttConnection"/> per broker address and keeps them, in the order made.</summary>
public sealed class FakeMqttConnectionFactory : IMqttConnectionFactory
{
    /// <summary>Each connection made, with the address it was made for.</summary>
    public List<(string Host, int Port, FakeMqttConnection Connection)> Made { get; } = [];

    /// <summary>Connect results given to every connection made from now on.</summary>
    public MqttConnectResult[] ScriptedResults { get; set; } = [];

    public IMqttConnection Create(string host, int port)
    {
        var connection = new FakeMqttConnection();
        connection.ScriptConnectResults(ScriptedResults);
        Made.Add((host, port, connection));
        return connection;
    }
}
