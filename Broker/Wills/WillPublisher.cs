using Esp32Mqtt.Broker.Transport;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Wills;

/// <summary>
/// Publishes the last will of a client whose connection was taken over by a new connection with the same client id.
/// The broker closes the old connection without a DISCONNECT from the client, which is when MQTT publishes a will
/// (OASIS MQTT 3.1.1 sections 3.1.2.5 and 3.1.4; MQTT 5.0 section 3.1.4 says so in as many words), and Mosquitto 2.0
/// does; MQTTnet 5.2 skips it for a taken-over connection (MqttConnectedClient.RunAsync checks !IsTakenOver).
/// </summary>
public sealed class WillPublisher
{
    private readonly IBrokerTransport _transport;
    private MqttServer? _server;

    /// <summary>Finds the taken-over connection's CONNECT, with its will, through <paramref name="transport"/>.</summary>
    public WillPublisher(IBrokerTransport transport)
    {
        _transport = transport;
    }

    /// <summary>Watches <paramref name="server"/>'s takeovers; called once, before it starts.</summary>
    public void Attach(MqttServer server)
    {
        _server = server;
        server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
    }

    private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs eventArgs)
    {
        // MQTTnet reports the takeover before it answers the new connection, so the old one's CONNECT is still known.
        if (eventArgs.DisconnectType != MqttClientDisconnectType.Takeover
            || _server is null
            || _transport.FindConnectPacket(eventArgs.RemoteEndPoint) is not { WillFlag: true } connect)
        {
            return Task.CompletedTask;
        }

        // MQTTnet's own conversion of a CONNECT's will into a message, as for a connection that was lost.
        MqttApplicationMessage will = MqttApplicationMessageFactory.Create(MQTTnet.Server.Internal.Formatter.MqttPublishPacketFactory.Create(connect));
        return _server.InjectApplicationMessage(new InjectedMqttApplicationMessage(will) { SenderClientId = eventArgs.ClientId, SenderUserName = eventArgs.UserName });
    }
}
