using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport.Ordering;

/// <summary>
/// The outermost channel adapter of every connection, on both transports: it tells <see cref="ClientIdTurns"/> when the
/// connection's CONNECT arrives, when it is answered, when its receive loop ends and when MQTTnet has finished with
/// it, and waits where the turns say so. Everything else passes straight through.
/// </summary>
internal sealed class TurnTakingChannel : IMqttChannelAdapter
{
    private readonly IMqttChannelAdapter _inner;
    private readonly ClientIdTurns _turns;
    private ClientIdTurn? _turn;
    private bool _connectRead;

    /// <summary>Wraps <paramref name="inner"/>, whose connection takes turns in <paramref name="turns"/>.</summary>
    public TurnTakingChannel(IMqttChannelAdapter inner, ClientIdTurns turns)
    {
        _inner = inner;
        _turns = turns;
    }

    /// <summary>The connection's turn among the connections of its client id, once its CONNECT has gone on to MQTTnet.</summary>
    public ClientIdTurn? Turn => _turn;

    /// <inheritdoc />
    public long BytesReceived => _inner.BytesReceived;

    /// <inheritdoc />
    public long BytesSent => _inner.BytesSent;

    /// <inheritdoc />
    public X509Certificate2 ClientCertificate => _inner.ClientCertificate;

    /// <inheritdoc />
    public EndPoint RemoteEndPoint => _inner.RemoteEndPoint;

    /// <inheritdoc />
    public EndPoint LocalEndPoint => _inner.LocalEndPoint;

    /// <inheritdoc />
    public bool IsSecureConnection => _inner.IsSecureConnection;

    /// <inheritdoc />
    public MqttPacketFormatterAdapter PacketFormatterAdapter => _inner.PacketFormatterAdapter;

    /// <inheritdoc />
    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        return _inner.ConnectAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        return _inner.DisconnectAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        if (!_connectRead)
        {
            _connectRead = true;
            return ReceiveConnectAsync(cancellationToken);
        }

        // Most packets are neither the last nor a DISCONNECT, and many arrive at once: those pass with no state machine.
        Task<MqttPacket> receive = _inner.ReceivePacketAsync(cancellationToken);
        return _turn is null || (receive.IsCompletedSuccessfully && !EndsTheLoop(receive.Result)) ? receive : ReceiveAndCheckEndAsync(receive, _turn);
    }

    /// <inheritdoc />
    public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        if (packet is MqttConnAckPacket connAck)
        {
            _turn?.Answered(connAck.ReasonCode == MqttConnectReasonCode.Success && connAck.ReturnCode == MqttConnectReturnCode.ConnectionAccepted);
        }

        return _inner.SendPacketAsync(packet, cancellationToken);
    }

    /// <inheritdoc />
    public void ResetStatistics()
    {
        _inner.ResetStatistics();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _inner.Dispose();
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
        MqttPacket packet = await _inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
        if (packet is MqttConnectPacket { ClientId: { Length: > 0 } clientId })
        {
            _turn = await _turns.ConnectingAsync(clientId, _inner.RemoteEndPoint).ConfigureAwait(false);
        }

        return packet;
    }
}
