using System.Collections.Concurrent;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport.FlowControl;

/// <summary>
/// Backpressure from slow subscribers to publishers. MQTTnet reads a publisher as fast as the socket delivers and, when a
/// subscriber's queue is full, drops that subscriber's oldest message, QoS 1 included (MqttSession.EnqueueDataPacket with
/// DropOldestQueuedMessage), after it has acknowledged it to the publisher. MQTTnet awaits InterceptingClientEnqueueAsync
/// for every recipient inside the dispatch, in the publisher's receive loop and before the message is queued
/// (MqttClientSessionsManager.DispatchApplicationMessage). Waiting there while the recipient's queue is at three
/// quarters of Broker:MaxPendingMessagesPerClient stops reading that publisher; TCP then slows the publisher itself, and
/// nothing is dropped. A subscriber that stays behind for longer than
/// <see cref="StallLimit"/> (a phone that stopped reading) holds nobody up any more: it loses its oldest messages as before.
/// </summary>
internal sealed class DeliveryFlowControl
{
    /// <summary>How long a subscriber may hold up a publisher before it counts as stalled.</summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(1);

    private const int HighWaterQuarters = 3;
    private const int QuartersPerQueue = 4;

    private readonly object _gate = new();
    private readonly long _highWater;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, SubscriberBacklog> _queues = new(StringComparer.Ordinal);
    private Func<string, SessionQueue?> _lookupQueue = _ => null;
    private TaskCompletionSource _relieved = NewRelief();
    private int _waiting;

    /// <summary>Holds publishers back from three quarters of <paramref name="maxPendingMessagesPerClient"/> on.</summary>
    public DeliveryFlowControl(int maxPendingMessagesPerClient, TimeProvider timeProvider)
    {
        _highWater = Math.Max(1, (long)maxPendingMessagesPerClient * HighWaterQuarters / QuartersPerQueue);
        _timeProvider = timeProvider;
    }

    /// <summary>Follows the session queues of <paramref name="server"/>.</summary>
    public void Attach(MqttServer server)
    {
        // BeforeEnqueueAsync is called from DirectDelivery's InterceptingClientEnqueueAsync handler, before it delivers.
        Follow(clientId => SessionQueueOf(server, clientId));

        // A client id that connects again gets a new session and queue (MqttClientSessionsManager.CreateClientConnection).
        server.ClientConnectedAsync += eventArgs => ForgetQueue(eventArgs.ClientId);
        server.SessionDeletedAsync += eventArgs => ForgetQueue(eventArgs.Id);
    }

    /// <summary>How many deliveries are waiting for a subscriber to catch up right now.</summary>
    public int WaitingDeliveries => Volatile.Read(ref _waiting);

    /// <summary>Follows the queues that <paramref name="lookupQueue"/> finds by client id (null: no such session).</summary>
    public void Follow(Func<string, SessionQueue?> lookupQueue)
    {
        _lookupQueue = lookupQueue;
    }

    /// <summary>Reads how many messages wait in MQTTnet's queue for <paramref name="clientId"/>; null when it has no session.</summary>
    public Func<long>? QueuedMessagesOf(string clientId)
    {
        return FindQueue(clientId)?.Queue.QueuedMessages;
    }

    /// <summary>
    /// Waits, before a message from <paramref name="senderId"/> is queued for <paramref name="receiverId"/>, while that
    /// queue is at the high-water mark and the receiver is not stalled; completes at once otherwise.
    /// </summary>
    public Task BeforeEnqueueAsync(string senderId, string receiverId)
    {
        // Retained messages for a new subscription (empty sender) come from its own SUBSCRIBE, not from a publisher; a
        // session kept for a client that is away cannot catch up by waiting, its queue only holds the messages.
        if (string.IsNullOrEmpty(senderId) || FindQueue(receiverId) is not { } queue || queue.Queue.IsOffline())
        {
            return Task.CompletedTask;
        }

        if (queue.Queue.QueuedMessages() < _highWater)
        {
            queue.MarkCaughtUp();
            return Task.CompletedTask;
        }

        return WaitWhileBehindAsync(queue);
    }

    /// <summary>A subscriber reports how many messages still wait for it after it wrote one, so waiting publishers can go on.</summary>
    public void Observe(long queued)
    {
        if (queued < _highWater && Volatile.Read(ref _waiting) > 0)
        {
            Relieve();
        }
    }

    /// <summary>Forgets a subscriber that is gone, so publishers waiting for it go on.</summary>
    public void Release()
    {
        if (Volatile.Read(ref _waiting) > 0)
        {
            Relieve();
        }
    }

    private static TaskCompletionSource NewRelief()
    {
        return new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private Task ForgetQueue(string clientId)
    {
        _queues.TryRemove(clientId, out _);
        return Task.CompletedTask;
    }

    private static SessionQueue? SessionQueueOf(MqttServer server, string clientId)
    {
        try
        {
            // MqttServer.GetSessionAsync completes at once (MqttClientSessionsManager.GetSessionStatus); the status reads
            // the live session (MqttSessionStatus.PendingApplicationMessagesCount, DisconnectedTimestamp).
            MqttSessionStatus session = server.GetSessionAsync(clientId).GetAwaiter().GetResult();
            return new SessionQueue(() => session.PendingApplicationMessagesCount, () => session.DisconnectedTimestamp is not null);
        }
        catch (InvalidOperationException)
        {
            // The session is already gone.
            return null;
        }
    }

    private SubscriberBacklog? FindQueue(string receiverId)
    {
        if (_queues.TryGetValue(receiverId, out SubscriberBacklog? queue))
        {
            return queue;
        }

        SessionQueue? sessionQueue = _lookupQueue(receiverId);
        if (sessionQueue is null)
        {
            return null;
        }

        queue = new SubscriberBacklog(sessionQueue);
        _queues[receiverId] = queue;
        return queue;
    }

    private async Task WaitWhileBehindAsync(SubscriberBacklog queue)
    {
        long behindSince = queue.MarkBehind(_timeProvider.GetTimestamp());
        Interlocked.Increment(ref _waiting);
        try
        {
            while (true)
            {
                Task relieved;
                lock (_gate)
                {
                    relieved = _relieved.Task;
                }

                // Looked at after taking the signal, so a relief in between is not missed.
                TimeSpan stallIn = StallLimit - _timeProvider.GetElapsedTime(behindSince);
                if (queue.Queue.QueuedMessages() < _highWater || stallIn <= TimeSpan.Zero)
                {
                    break;
                }

                try
                {
                    await relieved.WaitAsync(stallIn, _timeProvider).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // Behind for StallLimit now: the loop ends, and this subscriber loses its oldest messages.
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private void Relieve()
    {
        TaskCompletionSource relieved;
        lock (_gate)
        {
            relieved = _relieved;
            _relieved = NewRelief();
        }

        relieved.TrySetResult();
    }
}
