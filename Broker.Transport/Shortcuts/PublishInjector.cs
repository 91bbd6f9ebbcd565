using System.Collections;
using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.Connections;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport.Shortcuts;

/// <summary>
/// Routes a client's lone QoS 0 PUBLISH on the thread that read it, where MQTTnet's receive loop would first hand the
/// connection to another thread. MqttConnectedClient.ReceivePackagesLoop (MQTTnet 5.2) does <c>await Task.Yield()</c>
/// before it asks for each packet, so after every message a thread-pool worker is woken only to start the next read:
/// about seven context switches per message at 5,000 msg/s against Mosquitto's 1.5 (Broker.Benchmarks/README.md). A PUBLISH that
/// <see cref="InlinePublisher"/> takes is routed through the same dispatch as MQTTnet's own path
/// (<see cref="MqttServer.InjectApplicationMessage"/> calls MqttClientSessionsManager.DispatchApplicationMessage, as
/// MqttConnectedClient.HandleIncomingPublishPacket does), with the client's id and user name as the sender, so the
/// publish interceptors, retained messages, flow control and <see cref="DirectDelivery"/> all see it as before.
/// <para>
/// What MQTTnet's loop does besides, and how it is kept: no inbound-packet interceptor is attached in this broker;
/// nothing here closes a connection from InterceptingPublishAsync (whose CloseConnection result the injection drops);
/// a QoS 0 message needs no PUBACK; the session's items are passed on as MQTTnet passes them; a connection that may be
/// about to be taken over routes nothing itself (<see cref="ConnectionTakeover"/>; MQTTnet drops what a taken-over
/// connection still sends); and keep-alives are checked by <see cref="KeepAliveMonitor"/>, which counts every packet a
/// connection reads, in place of MQTTnet's monitor, which would not see these publishes. An exception from the
/// dispatch ends the connection through MQTTnet's loop, as on its own path (its log line then names the packet before).
/// </para>
/// </summary>
internal sealed class PublishInjector
{
    private readonly AcceptedConnections _connections;
    private MqttServer? _server;

    /// <summary>Finds connections in <paramref name="connections"/>.</summary>
    public PublishInjector(AcceptedConnections connections)
    {
        _connections = connections;
    }

    /// <summary>Routes into <paramref name="server"/>.</summary>
    public void Attach(MqttServer server)
    {
        _server = server;

        // Fired after the CONNACK (AcceptedConnections.Accepted) and before MQTTnet's receive loop starts
        // (MqttClientSessionsManager.HandleClientConnectionAsync): the session's items, which MQTTnet's own path passes
        // to the publish interceptors.
        server.ClientConnectedAsync += eventArgs =>
        {
            if (_connections.Find(eventArgs.ClientId, eventArgs.RemoteEndPoint)?.Inline is { } publisher)
            {
                publisher.SessionItems = eventArgs.SessionItems;
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>What routes the lone QoS 0 publishes of the client that sent <paramref name="connect"/> on <paramref name="connection"/>.</summary>
    public InlinePublisher For(MqttConnectPacket connect, StreamChannelAdapter connection)
    {
        InlinePublisher publisher = new(this, connect, connection);
        connection.Inline = publisher;
        return publisher;
    }

    /// <summary>PUBLISH packets from <paramref name="clientId"/> routed here, which MQTTnet's statistics do not count.</summary>
    public long PublishedBy(string clientId)
    {
        return _connections.Find(clientId)?.Inline?.Published ?? 0;
    }

    /// <summary>Routes <paramref name="packet"/> from <paramref name="connect"/>'s client as MQTTnet routes a PUBLISH it received.</summary>
    internal Task DispatchAsync(MqttConnectPacket connect, IDictionary? sessionItems, MqttPublishPacket packet, CancellationToken cancellationToken)
    {
        MqttServer server = _server ?? throw new InvalidOperationException("The MQTT server has not been attached.");
        MqttApplicationMessage message = MqttApplicationMessageFactory.Create(packet);
        InjectedMqttApplicationMessage injected = new(message)
        {
            SenderClientId = connect.ClientId,
            SenderUserName = connect.Username,
            CustomSessionItems = sessionItems,
        };
        return server.InjectApplicationMessage(injected, cancellationToken);
    }
}
