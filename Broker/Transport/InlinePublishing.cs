using System.Collections.Concurrent;
using Esp32Mqtt.Broker.Hosting;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport;

/// <summary>
/// Routes a client's lone QoS 0 PUBLISH on the thread that read it, where MQTTnet's receive loop would first hand the
/// connection to another thread. MqttConnectedClient.ReceivePackagesLoop (MQTTnet 5.2) does <c>await Task.Yield()</c>
/// before it asks for each packet, so after every message a thread-pool worker is woken only to start the next read:
/// about seven context switches per message at 5,000 msg/s against Mosquitto's 1.5 (issue 5). A PUBLISH that
/// <see cref="InlinePublisher"/> takes is routed through the same dispatch as MQTTnet's own path
/// (<see cref="MqttServer.InjectApplicationMessage"/> calls MqttClientSessionsManager.DispatchApplicationMessage, as
/// MqttConnectedClient.HandleIncomingPublishPacket does), with the client's id and user name as the sender, so the
/// publish interceptors, retained messages, flow control and <see cref="DirectDelivery"/> all see it as before.
/// <para>
/// What MQTTnet's loop does besides, and why skipping it is safe here: no inbound-packet interceptor is attached in this
/// broker; nothing here closes a connection from InterceptingPublishAsync (whose CloseConnection result the injection
/// drops); a QoS 0 message needs no PUBACK; and the keep-alive monitor, which reads the time MQTTnet last saw a packet
/// from the client, is kept fed by <see cref="InlinePublisher"/>.
/// </para>
/// </summary>
public sealed class InlinePublishing : IMqttServerObserver
{
    private readonly ConcurrentDictionary<string, InlinePublisher> _publishers = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private MqttServer? _server;

    /// <summary>Times the keep-alive feeding of each <see cref="InlinePublisher"/> with <paramref name="timeProvider"/>.</summary>
    public InlinePublishing(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public void Attach(MqttServer server)
    {
        _server = server;
    }

    /// <summary>What routes the lone QoS 0 publishes of the client that sent <paramref name="connect"/>; <paramref name="isSendingMore"/> tells whether more of its input is waiting.</summary>
    public InlinePublisher For(MqttConnectPacket connect, Func<bool> isSendingMore)
    {
        return new InlinePublisher(this, connect, isSendingMore, _timeProvider);
    }

    /// <summary>Follows the connection of the client whose CONNECT was <paramref name="connect"/>, once it has been accepted.</summary>
    public void Accepted(MqttConnectPacket connect, InlinePublisher publisher)
    {
        _publishers[connect.ClientId] = publisher;
    }

    /// <summary>The connection that sent CONNECT with <paramref name="clientId"/> has closed.</summary>
    public void Closed(string clientId, InlinePublisher publisher)
    {
        // A client that connected again with the same id has a new connection here already; that one stays.
        _publishers.TryRemove(new KeyValuePair<string, InlinePublisher>(clientId, publisher));
    }

    /// <summary>PUBLISH packets from <paramref name="clientId"/> routed here, which MQTTnet's statistics do not count.</summary>
    public long PublishedBy(string clientId)
    {
        return _publishers.TryGetValue(clientId, out InlinePublisher? publisher) ? publisher.Published : 0;
    }

    /// <summary>Routes <paramref name="packet"/> from <paramref name="connect"/>'s client as MQTTnet routes a PUBLISH it received.</summary>
    internal Task DispatchAsync(MqttConnectPacket connect, MqttPublishPacket packet, CancellationToken cancellationToken)
    {
        MqttServer server = _server ?? throw new InvalidOperationException("The MQTT server has not been attached.");
        MqttApplicationMessage message = MqttApplicationMessageFactory.Create(packet);
        InjectedMqttApplicationMessage injected = new(message) { SenderClientId = connect.ClientId, SenderUserName = connect.Username };
        return server.InjectApplicationMessage(injected, cancellationToken);
    }
}
