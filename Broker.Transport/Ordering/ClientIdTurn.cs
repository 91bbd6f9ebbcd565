using System.Net;

namespace Esp32Mqtt.Broker.Transport.Ordering;

/// <summary>One connection's place among the connections of its client id (<see cref="ClientIdTurns"/>).</summary>
internal sealed class ClientIdTurn
{
    private readonly ClientIdTurns _turns;
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _newerAnswered;
    private int _newerPending;
    private bool _answered;

    /// <summary>
    /// Follows a connection of <paramref name="clientId"/> from <paramref name="remoteEndPoint"/> that may take over
    /// <paramref name="older"/>; with <paramref name="ending"/>, a turn that is no connection
    /// (<see cref="ClientIdTurns.RunBetweenConnectionsAsync"/>), which any CONNECT with its id waits for.
    /// </summary>
    public ClientIdTurn(ClientIdTurns turns, string clientId, EndPoint? remoteEndPoint, ClientIdTurn? older, bool ending)
    {
        _turns = turns;
        ClientId = clientId;
        RemoteEndPoint = remoteEndPoint;
        Older = older;
        IsEnding = ending;
        if (older is not null)
        {
            // Called under the lock of ClientIdTurns.ConnectingAsync.
            older._newerPending++;
        }
    }

    /// <summary>The client id.</summary>
    public string ClientId { get; }

    /// <summary>The client's address and port, which name the connection among MQTTnet's clients (MqttClientStatus).</summary>
    public EndPoint? RemoteEndPoint { get; }

    /// <summary>The open connection with the same client id this one may take over; null once it has (or there is none).</summary>
    public ClientIdTurn? Older { get; private set; }

    /// <summary>Whether the connection's receive loop has ended or is ending; changed under the lock.</summary>
    public bool IsEnding { get; private set; }

    /// <summary>Whether MQTTnet has finished with the connection; changed under the lock.</summary>
    public bool IsFinished { get; private set; }

    /// <summary>Completes once MQTTnet has finished with the connection.</summary>
    public Task Finished => _finished.Task;

    /// <summary>
    /// The connection's CONNECT has been answered with a CONNACK: <paramref name="accepted"/>, MQTTnet has taken the older
    /// connection over already (MqttClientSessionsManager.CreateClientConnection runs before the CONNACK is sent);
    /// refused, the older one goes on as before.
    /// </summary>
    public void Answered(bool accepted)
    {
        TaskCompletionSource? release = null;
        _turns.Locked(() =>
        {
            if (_answered)
            {
                return;
            }

            _answered = true;
            if (Older is { } older && --older._newerPending == 0)
            {
                release = older._newerAnswered;
                older._newerAnswered = null;
            }

            if (accepted)
            {
                Older = null;
            }
        });
        release?.TrySetResult();
        _accepted.TrySetResult(accepted);
    }

    /// <summary>
    /// Whether the connection's CONNECT was accepted, once it is answered (false if the connection closed before);
    /// false too if no answer came within <see cref="ClientIdTurns.WaitLimit"/>.
    /// </summary>
    public async Task<bool> WasAcceptedAsync()
    {
        await _turns.WaitAtMostAsync(_accepted.Task).ConfigureAwait(false);
        return _accepted.Task.IsCompletedSuccessfully && _accepted.Task.Result;
    }

    /// <summary>
    /// The connection's receive loop is about to end (the client closed, sent DISCONNECT, or was closed). Completes
    /// once no newer CONNECT with this client id is waiting for its answer, so that MQTTnet's end of this connection
    /// cannot remove the newer one; at most <see cref="ClientIdTurns.WaitLimit"/> later.
    /// </summary>
    public async ValueTask EndingAsync()
    {
        Task? newerAnswered = null;
        _turns.Locked(() =>
        {
            if (_newerPending == 0)
            {
                IsEnding = true;
            }
            else
            {
                _newerAnswered ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                newerAnswered = _newerAnswered.Task;
            }
        });
        if (newerAnswered is null)
        {
            return;
        }

        await _turns.WaitAtMostAsync(newerAnswered).ConfigureAwait(false);
        _turns.Locked(() => IsEnding = true);
    }

    /// <summary>MQTTnet has finished with the connection: a CONNECT with this id waiting for it goes on.</summary>
    public void Finish()
    {
        // A connection that closed before its CONNACK never took its older one over.
        Answered(accepted: false);
        _turns.Locked(() =>
        {
            IsEnding = true;
            IsFinished = true;
            _turns.Forget(this);
            Older = null;
        });
        _finished.TrySetResult();
    }
}
