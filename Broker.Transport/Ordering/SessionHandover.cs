using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport.Ordering;

/// <summary>
/// Stops the open connection whose kept session an accepted CONNECT takes up, before MQTTnet 5.2 hands the session
/// over, so that no message queued for the session is lost on the way.
/// <para>
/// Each connection of MQTTnet has a send loop that waits on its session's packet bus (MqttConnectedClient.RunAsync starts
/// SendPacketsLoop and does not await it), and the bus wakes its one waiter (MqttPacketBus over AsyncSignal). When a
/// CONNECT takes up the session of a connection that is still open, MqttClientSessionsManager.CreateClientConnection
/// (MQTTnet.Server 5.2.0) first queues the session's unacknowledged messages again (MqttSession.Recover), then marks the
/// old connection taken over, and only then stops it (MqttConnectedClient.StopAsync, which cancels its send loop's
/// token). The re-queued messages wake the old connection's send loop, still waiting on the bus; if it runs before that
/// stop, it takes the first message and drops it (SendPacketsLoop returns when IsTakenOver is set) or writes it to the
/// old connection. The message stays in the session's unacknowledged list until the client's next CONNECT: a board that
/// reconnects at once, with clean session off, misses the command sent while it was away.
/// </para>
/// <para>
/// So once the CONNECT has been accepted and before MQTTnet creates the new connection, the old one is stopped as MQTTnet
/// itself would stop it (StopAsync with reason 0x8E, session taken over: the same DISCONNECT in MQTT 5). A send loop whose
/// token is cancelled no longer waits on the bus (AsyncSignal drops a waiter whose token is cancelled) and takes nothing
/// more from it (MqttPacketBus.DequeueItemAsync checks the token before it takes), so the re-queued messages are left for
/// the new connection's loop. (What is left is the instant between that check and the take, which a reconnect after the
/// old connection has ended by itself has in MQTTnet as well.) MQTTnet then takes the stopped connection over as before: the same takeover event, the same will.
/// A CONNECT with clean session set gets a new session with a new bus, so it needs none of this.
/// </para>
/// <para>
/// It runs as MQTTnet's last connection validator (see <see cref="Channels.AcrossConnections.Starting"/>), so it acts on
/// the broker's verdict: a refused CONNECT stops nothing.
/// </para>
/// </summary>
internal sealed class SessionHandover
{
    private static readonly MqttServerClientDisconnectOptions s_takenOver = new() { ReasonCode = MqttDisconnectReasonCode.SessionTakenOver };

    private readonly MqttServer _server;

    /// <summary>Stops connections of <paramref name="server"/>.</summary>
    public SessionHandover(MqttServer server)
    {
        _server = server;
    }

    /// <summary>
    /// The broker has judged the CONNECT in <paramref name="eventArgs"/>: if it is accepted and takes up the kept session of a
    /// connection that is still open, completes once that connection is stopped.
    /// </summary>
    public Task ValidatedAsync(ValidatingConnectionEventArgs eventArgs)
    {
        if (eventArgs.ReasonCode != MqttConnectReasonCode.Success
            || eventArgs.CleanSession != false
            || eventArgs.ChannelAdapter is not TurnTakingChannel { Turn.Older: { } older })
        {
            return Task.CompletedTask;
        }

        return StopAsync(older);
    }

    private async Task StopAsync(ClientIdTurn older)
    {
        // A connection whose own CONNECT MQTTnet has not answered yet may not be among its clients yet.
        if (!await older.WasAcceptedAsync().ConfigureAwait(false))
        {
            return;
        }

        foreach (MqttClientStatus client in await _server.GetClientsAsync().ConfigureAwait(false))
        {
            if (client.Id == older.ClientId && Equals(client.RemoteEndPoint, older.RemoteEndPoint))
            {
                await client.DisconnectAsync(s_takenOver).ConfigureAwait(false);
                return;
            }
        }
    }
}
