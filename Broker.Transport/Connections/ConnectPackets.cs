using System.Collections.Concurrent;
using System.Net;
using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Transport.Connections;

/// <summary>
/// The CONNECT packet of each open connection, by remote endpoint. MQTTnet 5.2's connect and disconnect events
/// carry the endpoint but not the keep-alive, will or clean-session flag, which the log lines and the subscription
/// registry need.
/// </summary>
internal sealed class ConnectPackets
{
    private readonly ConcurrentDictionary<EndPoint, MqttConnectPacket> _connectPackets = new();

    /// <summary>Records the CONNECT packet received on a connection.</summary>
    public void Record(EndPoint remote, MqttConnectPacket connectPacket)
    {
        _connectPackets[remote] = connectPacket;
    }

    /// <summary>Forgets a connection once it is closed.</summary>
    public void Forget(EndPoint remote)
    {
        _connectPackets.TryRemove(remote, out _);
    }

    /// <summary>The CONNECT packet of the open connection from <paramref name="remote"/>, if known.</summary>
    public MqttConnectPacket? Find(EndPoint? remote)
    {
        return remote is not null && _connectPackets.TryGetValue(remote, out MqttConnectPacket? connectPacket) ? connectPacket : null;
    }
}
