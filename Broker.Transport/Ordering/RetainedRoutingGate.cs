namespace Esp32Mqtt.Broker.Transport.Ordering;

/// <summary>
/// Keeps retained publishes and subscriptions from being processed at the same time. MQTTnet 5.2 takes a SUBSCRIBE's
/// retained messages first and makes its subscriptions visible to routing last (MqttClientSubscriptionsManager.Subscribe,
/// then OnSubscriptionsAdded), while a retained PUBLISH changes the retained messages and is then routed to the
/// subscribers it finds. When the two overlap, the new subscriber gets the message neither as retained nor live: a
/// phone that subscribes as a board connects never sees the board's <c>online</c>. Packets of one kind run together;
/// the other kind waits, first come first served, so neither starves. Everything else never touches the gate.
/// </summary>
internal sealed class RetainedRoutingGate
{
    private const int KindCount = 2;

    private readonly object _gate = new();
    private readonly int[] _active = new int[KindCount];
    private readonly Queue<(RoutingGateKind Kind, TaskCompletionSource Admission)> _waiting = new();

    /// <summary>How many packets of <paramref name="kind"/> are being processed now.</summary>
    public int ActiveCount(RoutingGateKind kind)
    {
        lock (_gate)
        {
            return _active[(int)kind];
        }
    }

    /// <summary>Completes when a packet of <paramref name="kind"/> may be processed; pair it with <see cref="Exit"/>.</summary>
    public ValueTask EnterAsync(RoutingGateKind kind)
    {
        lock (_gate)
        {
            if (_active[(int)Other(kind)] == 0 && _waiting.Count == 0)
            {
                _active[(int)kind]++;
                return ValueTask.CompletedTask;
            }

            TaskCompletionSource admission = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue((kind, admission));
            return new ValueTask(admission.Task);
        }
    }

    /// <summary>A packet of <paramref name="kind"/> has been processed; lets waiting packets of the other kind in.</summary>
    public void Exit(RoutingGateKind kind)
    {
        List<TaskCompletionSource>? admitted = null;
        lock (_gate)
        {
            _active[(int)kind]--;
            while (_waiting.Count > 0 && _active[(int)Other(_waiting.Peek().Kind)] == 0)
            {
                (RoutingGateKind next, TaskCompletionSource admission) = _waiting.Dequeue();
                _active[(int)next]++;
                (admitted ??= []).Add(admission);
            }
        }

        // Outside the lock: the admitted continue on the thread pool (RunContinuationsAsynchronously) anyway.
        foreach (TaskCompletionSource admission in admitted ?? [])
        {
            admission.TrySetResult();
        }
    }

    private static RoutingGateKind Other(RoutingGateKind kind)
    {
        return kind == RoutingGateKind.Subscribe ? RoutingGateKind.RetainedPublish : RoutingGateKind.Subscribe;
    }
}
