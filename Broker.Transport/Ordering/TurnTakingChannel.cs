using Esp32Mqtt.Broker.Transport.Channels;
using MQTTnet.Adapter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport.Ordering;

/// <summary>
/// The outermost channel adapter of every connection, on both transports: it tells <see cref="ClientIdTurns"/> when the
/// connection's CONNECT arrives, when it is answered, when its receive loop ends and when MQTTnet has finished with
/// it, and waits where the turns say so. Everything else passes straight through.
/// </summary>
internal sealed class TurnTakingChannel : ChannelAdapterDecorator
{
    private readonly ClientIdTurns _turns;
    private ClientIdTurn? _turn;
    private bool _connectRead;

    /// <summary>Wraps <paramref name="inner"/>, whose connection takes turns in <paramref name="turns"/>.</summary>
    public TurnTakingChannel(IMqttChannelAdapter inner, ClientIdTurns turns)
        : base(inner)
    {
        _turns = turns;
    }

    /// <summary>The connection's turn among the connections of its client id, once its CONNECT has gone on to MQTTnet.</summary>
    public ClientIdTurn? Turn => _turn;

    /// <inheritdoc />
    public override Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        if (!_connectRead)
        {
            _connectRead = true;
            return ReceiveConnectAsync(cancellationToken);
        }

        // Most packets are neither the last nor a DISCONNECT, and many arrive at once: those pass with no state machine.
        Task<MqttPacket> receive = Inner.ReceivePacketAsync(cancellationToken);
        return _turn is null || (receive.IsCompletedSuccessfully && !EndsTheLoop(receive.Result)) ? receive : ReceiveAndCheckEndAsync(receive, _turn);
    }

    /// <inheritdoc />
    public override Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        if (packet is MqttConnAckPacket connAck)
        {
            _turn?.Answered(connAck.ReasonCode == MqttConnectReasonCode.Success && connAck.ReturnCode == MqttConnectReturnCode.ConnectionAccepted);
        }

        return Inner.SendPacketAsync(packet, cancellationToken);
    }

    /// <summary>MQTTnet has finished with the connection (its client handler returned).</summary>
    public void Finish()
    {
        _turn?.Finish();
    }

    /// <summary>Whether MQTTnet's receive loop ends after <paramref name="packet"/> (MqttConnectedClient.ReceivePackagesLoop).</summary>
    private static bool EndsTheLoop(MqttPacket? packet)
    {
        return packet is null or MqttDisconnectPacket;
    }

    private static async Task<MqttPacket> ReceiveAndCheckEndAsync(Task<MqttPacket> receive, ClientIdTurn turn)
    {
        MqttPacket packet;
        try
        {
            packet = await receive.ConfigureAwait(false);
        }
        catch (Exception)
        {
            await turn.EndingAsync().ConfigureAwait(false);
            throw;
        }

        if (EndsTheLoop(packet))
        {
            await turn.EndingAsync().ConfigureAwait(false);
        }

        return packet;
    }

    private async Task<MqttPacket> ReceiveConnectAsync(CancellationToken cancellationToken)
    {
        MqttPacket packet = await Inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
        if (packet is MqttConnectPacket { ClientId: { Length: > 0 } clientId })
        {
            _turn = await _turns.ConnectingAsync(clientId, Inner.RemoteEndPoint).ConfigureAwait(false);
        }

        return packet;
    }
}
