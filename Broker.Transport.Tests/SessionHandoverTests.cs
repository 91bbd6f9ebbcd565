using System.Net.Sockets;
using System.Text;
using Esp32Mqtt.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport.Tests;

public sealed class SessionHandoverTests
{
    private const string ClientId = "esp32-kept";
    private const string Topic = "esp32/esp32-kept/led";
    private const string Payload = "on";
    private const string UserName = "esp32";
    private const string WrongPassword = "wrong";
    private const byte DuplicateFlag = 0x08;
    private const byte ConnAckBytes = 4;
    private const byte BadUserNameOrPassword = 4;
    private const uint SessionExpirySeconds = 3_600;
    private static readonly byte[] s_pingRequest = [0xC0, 0x00];
    private static readonly byte[] s_pingResponse = [0xD0, 0x00];

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Sends_an_unacknowledged_message_again_to_the_connection_that_takes_its_kept_session_over(TransportKind kind)
    {
        // Arrange: an MQTT 5 board with a kept session got a QoS 1 command and, its WiFi gone, never acknowledged it; its
        // old connection is still open. MQTTnet writes the old connection's DISCONNECT (session taken over) between
        // queuing the session's messages again and stopping that connection's send loop
        // (MqttClientSessionsManager.CreateClientConnection); holding that write until the queue is empty again opens
        // the window in which the old send loop takes the message meant for the new connection.
        (MqttServer server, IBrokerTransport transport) = await StartAsync(kind);
        using IBrokerTransport owned = transport;
        using MqttServer ownedServer = server;
        server.InterceptingOutboundPacketAsync += async eventArgs =>
        {
            if (eventArgs.Packet is MqttDisconnectPacket { ReasonCode: MqttDisconnectReasonCode.SessionTakenOver })
            {
                await Eventually.UntilAsync(async () => (await server.GetSessionsAsync()).Single(session => session.Id == ClientId).PendingApplicationMessagesCount == 0, TestTimeouts.Short, "the session's queue to be empty");
            }
        };
        using Socket old = await RawMqtt.OpenAsync(transport.LocalEndPoint!.Port);
        await old.SendAsync(RawMqtt.Connect5(ClientId, cleanStart: false, SessionExpirySeconds));
        await RawMqtt.ReadPacketAsync(old);
        await old.SendAsync(RawMqtt.Subscribe5(Topic, qualityOfService: 1));
        await RawMqtt.ReadPacketAsync(old);
        await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(new MqttApplicationMessageBuilder().WithTopic(Topic).WithPayload(Payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()));
        (byte firstHeader, _) = await RawMqtt.ReadPacketAsync(old);

        // Act: the board connects again with the same id.
        using Socket renewed = await RawMqtt.ConnectAsync(transport.LocalEndPoint!.Port, RawMqtt.Connect311(ClientId, cleanSession: false));
        (byte header, byte[] body) = await RawMqtt.ReadPacketAsync(renewed);

        // Assert: OASIS MQTT 3.1.1 section 4.4: the new connection gets the message again, marked as a duplicate.
        Assert.True(RawMqtt.IsPublish(firstHeader));
        Assert.True(RawMqtt.IsPublish(header));
        Assert.Equal(DuplicateFlag, header & DuplicateFlag);
        Assert.Equal(Payload, Encoding.UTF8.GetString(body.AsSpan(2 + Encoding.UTF8.GetByteCount(Topic) + 2)));
    }

    [Theory]
    [MemberData(nameof(Transports.Both), MemberType = typeof(Transports))]
    public async Task Leaves_the_open_connection_alone_when_a_connect_for_its_kept_session_is_refused(TransportKind kind)
    {
        // Arrange
        (MqttServer server, IBrokerTransport transport) = await StartAsync(kind);
        using IBrokerTransport owned = transport;
        using MqttServer ownedServer = server;
        using Socket open = await RawMqtt.ConnectAsync(transport.LocalEndPoint!.Port, RawMqtt.Connect311(ClientId, cleanSession: false));

        // Act: someone connects with the same id and a wrong password.
        using Socket refused = await RawMqtt.OpenAsync(transport.LocalEndPoint!.Port);
        await refused.SendAsync(RawMqtt.Connect311(ClientId, UserName, WrongPassword, cleanSession: false));
        byte[] connAck = await RawMqtt.ReadExactlyAsync(refused, ConnAckBytes);
        await open.SendAsync(s_pingRequest);
        byte[] pingResponse = await RawMqtt.ReadExactlyAsync(open, s_pingResponse.Length);

        // Assert: the refused CONNECT took nothing over (section 3.1.4); the open connection still answers.
        Assert.Equal(BadUserNameOrPassword, connAck[3]);
        Assert.Equal(s_pingResponse, pingResponse);
    }

    /// <summary>
    /// An MQTTnet server with persistent sessions, as the broker runs it, over a transport of <paramref name="kind"/>, with
    /// a validator that refuses <see cref="WrongPassword"/>, attached after the transport and before the server starts, as
    /// the broker attaches its own.
    /// </summary>
    private static async Task<(MqttServer Server, IBrokerTransport Transport)> StartAsync(TransportKind kind)
    {
        IBrokerTransport transport = BrokerTransports.Create(kind, TestSettings.Create(), NullLoggerFactory.Instance, TimeProvider.System);
        MqttServer server = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder().WithPersistentSessions().Build(), [transport.Adapter]);
        transport.Attach(server);
        server.ValidatingConnectionAsync += eventArgs =>
        {
            if (eventArgs.Password == WrongPassword)
            {
                eventArgs.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            }

            return Task.CompletedTask;
        };
        await server.StartAsync();
        return (server, transport);
    }
}
