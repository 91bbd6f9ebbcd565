using System.Net;

namespace Esp32Mqtt.Broker.Transport.Ordering;

/// <summary>
/// Makes the connections of one client id take turns where MQTTnet 5.2 would let them race. When a connection ends,
/// MqttClientSessionsManager.HandleClientConnectionAsync (MQTTnet.Server 5.2.0, and master as of 2026) checks in its
/// <c>finally</c> block that the connection was not taken over (<c>!connectedClient.IsTakenOver</c>) and then, in a
/// separate step, removes the client id from its client map and deletes a clean session. A new CONNECT with the same id
/// that registers itself in between (CreateClientConnection) loses its map entry and its session: MQTTnet closes the
/// new connection right after its CONNACK. A board reconnecting after a blip and a script publishing with a fixed id
/// in a loop both hit it. So:
/// <list type="bullet">
/// <item>a CONNECT whose client id belongs to a connection that is already ending waits (at most
/// <see cref="WaitLimit"/>) until MQTTnet has finished with that connection (<see cref="ConnectingAsync"/>);</item>
/// <item>a connection that is about to end while a newer CONNECT with its id has not been answered yet waits until that
/// CONNECT is answered (<see cref="ClientIdTurn.EndingAsync"/>): by then MQTTnet has either taken the old connection over
/// (and its <c>finally</c> leaves the new one alone) or refused the new one.</item>
/// </list>
/// Both decisions are made under one lock, so there is no order of events in which both connections go on unchecked.
/// </summary>
internal sealed class ClientIdTurns
{
    /// <summary>How long one connection waits for another at most; MQTTnet finishes with a connection in milliseconds.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ClientIdTurn> _latest = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    /// <summary>Times the waits with <paramref name="timeProvider"/>.</summary>
    public ClientIdTurns(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>Connections with a CONNECT read whose turn has not finished yet, for tests.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _latest.Count;
            }
        }
    }

    /// <summary>
    /// A CONNECT with <paramref name="clientId"/> was read from <paramref name="remoteEndPoint"/>; completes when it may go
    /// on to MQTTnet, with the turn the connection reports its CONNACK, its end and its finish to.
    /// </summary>
    public ValueTask<ClientIdTurn> ConnectingAsync(string clientId, EndPoint? remoteEndPoint)
    {
        return TakeTurnAsync(clientId, remoteEndPoint, ending: false);
    }

    /// <summary>
    /// Runs <paramref name="action"/> in a turn of <paramref name="clientId"/>'s own, after any ending connection with
    /// that id has finished: a CONNECT with the id that arrives meanwhile waits until the action is done.
    /// </summary>
    public async Task RunBetweenConnectionsAsync(string clientId, Func<Task> action)
    {
        ClientIdTurn turn = await TakeTurnAsync(clientId, remoteEndPoint: null, ending: true).ConfigureAwait(false);
        try
        {
            await action().ConfigureAwait(false);
        }
        finally
        {
            turn.Finish();
        }
    }

    private async ValueTask<ClientIdTurn> TakeTurnAsync(string clientId, EndPoint? remoteEndPoint, bool ending)
    {
        ClientIdTurn turn;
        Task? olderFinished;
        lock (_gate)
        {
            _latest.TryGetValue(clientId, out ClientIdTurn? older);
            bool olderEnding = older is { IsEnding: true };
            turn = new ClientIdTurn(this, clientId, remoteEndPoint, olderEnding ? null : older, ending);
            olderFinished = olderEnding ? older!.Finished : null;
            _latest[clientId] = turn;
        }

        if (olderFinished is not null)
        {
            await WaitAtMostAsync(olderFinished).ConfigureAwait(false);
        }

        return turn;
    }

    /// <summary>Waits for <paramref name="task"/>, but no longer than <see cref="WaitLimit"/>.</summary>
    internal async Task WaitAtMostAsync(Task task)
    {
        try
        {
            await task.WaitAsync(WaitLimit, _timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A connection that takes this long is stuck elsewhere; the other goes on rather than wait for good.
        }
    }

    /// <summary>Runs <paramref name="change"/> under the lock every turn decision is made under.</summary>
    internal void Locked(Action change)
    {
        lock (_gate)
        {
            change();
        }
    }

    /// <summary>
    /// <paramref name="turn"/> has finished: if it is still the latest of its client id, the connection it would have
    /// replaced (a refused CONNECT's older one, still open) is the latest again. Called under the lock.
    /// </summary>
    internal void Forget(ClientIdTurn turn)
    {
        if (_latest.TryGetValue(turn.ClientId, out ClientIdTurn? latest) && ReferenceEquals(latest, turn))
        {
            if (turn.Older is { IsFinished: false } older)
            {
                _latest[turn.ClientId] = older;
            }
            else
            {
                _latest.Remove(turn.ClientId);
            }
        }
    }
}
