using System.Net;
using MQTTnet.Adapter;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport;

/// <summary>
/// What the broker needs from the layer that carries MQTT packets between TCP clients and MQTTnet's server: the
/// listener MQTTnet serves clients through, and the few facts the broker shows that MQTTnet's own API does not give.
/// Made by <see cref="BrokerTransports.Create"/>.
/// </summary>
public interface IBrokerTransport : IDisposable
{
    /// <summary>The listener to hand to MQTTnet's server (MqttServerFactory.CreateMqttServer).</summary>
    IMqttServerAdapter Adapter { get; }

    /// <summary>
    /// Whether this transport closes connections whose keep-alive ran out itself; MQTTnet's own keep-alive monitor must
    /// then be switched off (MqttServerOptions.KeepAliveOptions.MonitorInterval).
    /// </summary>
    bool SupervisesKeepAlive { get; }

    /// <summary>The address and real port listened on, once the server has started.</summary>
    IPEndPoint? LocalEndPoint { get; }

    /// <summary>Hooks the transport onto <paramref name="server"/>'s events; called once, before the server starts.</summary>
    void Attach(MqttServer server);

    /// <summary>Closes the listening socket; connections already open go on until the server stops.</summary>
    void StopAccepting();

    /// <summary>
    /// Serves a connection another listener of the server accepted and opened (a TLS stream after its handshake), with
    /// that listener's <paramref name="clientHandler"/> (IMqttServerAdapter.ClientHandler), as this transport serves its
    /// own TCP clients: the same checks, keep-alive and shortcuts. Owns <paramref name="connection"/>; ends when the
    /// connection does. Call it once the server has started.
    /// </summary>
    Task ServeAsync(Stream connection, IPEndPoint localEndPoint, IPEndPoint remoteEndPoint, Func<IMqttChannelAdapter, Task> clientHandler);

    /// <summary>
    /// Completes once accepting has stopped and MQTTnet has finished with every connection, each client's will
    /// dispatched: what the broker waits for when it stops, before it writes its retained messages for the last time.
    /// </summary>
    Task WhenAllConnectionsEndedAsync();

    /// <summary>
    /// The CONNECT packet of the open connection from <paramref name="remote"/>, if known. MQTTnet 5.2's connect and
    /// disconnect events carry neither the will nor the keep-alive, which the broker's log lines show.
    /// </summary>
    MqttConnectPacket? FindConnectPacket(EndPoint? remote);

    /// <summary>
    /// Runs <paramref name="action"/> (deleting the session of <paramref name="clientId"/>, say) once no connection with
    /// that client id is ending, holding back any CONNECT with it until the action is done: MQTTnet deletes sessions by
    /// client id, and must not delete the one a new connection is taking up.
    /// </summary>
    Task RunBetweenConnectionsAsync(string clientId, Func<Task> action);

    /// <summary>Messages of <paramref name="clientId"/> that went past MQTTnet's statistics (MqttClientStatus counts).</summary>
    ShortcutCounts CountsFor(string clientId);
}
