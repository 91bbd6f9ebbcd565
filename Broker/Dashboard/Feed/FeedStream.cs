using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>
/// One page's feed: the broker's state first, then what changed, pushed at most every <see cref="Tick"/>. Boards and the
/// flow are sent each tick they changed, the clients and retained messages at most every <see cref="SnapshotInterval"/>
/// (a wave of connections redraws the list once a second, not once per connection). Everything is read when it is sent,
/// so a page that falls behind (a phone that slept) catches up with the state as it is, and the flow's "+N more".
/// </summary>
public sealed class FeedStream
{
    /// <summary>How often a page is sent what changed.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    /// <summary>How often at most the client list and the retained messages are sent again.</summary>
    public static readonly TimeSpan SnapshotInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long a page's EventSource waits before it reconnects after losing the feed (the SSE <c>retry:</c> field).</summary>
    public static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(2);

    /// <summary>How long a page may go without any event before a heartbeat is sent.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    private readonly DashboardFeed _feed;
    private readonly BrokerSnapshots _snapshots;
    private readonly TimeProvider _timeProvider;

    /// <summary>Reads from <paramref name="feed"/> and <paramref name="snapshots"/>, on <paramref name="timeProvider"/>'s clock.</summary>
    public FeedStream(DashboardFeed feed, BrokerSnapshots snapshots, TimeProvider timeProvider)
    {
        _feed = feed;
        _snapshots = snapshots;
        _timeProvider = timeProvider;
    }

    /// <summary>The events of one page's feed, until <paramref name="cancellationToken"/> ends it.</summary>
    public async IAsyncEnumerable<SseItem<object>> ReadAsync(BrokerInfo hello, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using IDisposable page = _feed.OpenPage();

        // Versions are read before what they stand for, so a change in between is sent again rather than missed.
        long boardsVersion = _feed.Boards.Version;
        long clientsVersion = _feed.ClientsVersion;
        long retainedVersion = _feed.RetainedVersion;
        long flowNumber = _feed.Flow.StartingPoint();
        yield return new SseItem<object>(hello, FeedEventNames.Hello) { ReconnectionInterval = ReconnectAfter };
        yield return new SseItem<object>(_feed.Boards.Snapshot(), FeedEventNames.Boards);
        ClientsView? clients = await WhileRunningAsync(_snapshots.ClientsAsync).ConfigureAwait(false);
        RetainedView? retained = await WhileRunningAsync(_snapshots.RetainedAsync).ConfigureAwait(false);
        if (clients is null || retained is null)
        {
            yield break;
        }

        yield return new SseItem<object>(clients, FeedEventNames.Clients);
        yield return new SseItem<object>(retained, FeedEventNames.Retained);

        long lastSnapshot = _timeProvider.GetTimestamp();
        long lastSent = lastSnapshot;
        using PeriodicTimer timer = new(Tick, _timeProvider);
        while (await NextTickAsync(timer, cancellationToken).ConfigureAwait(false))
        {
            long now = _timeProvider.GetTimestamp();
            FlowBatch flow = _feed.Flow.ReadAfter(flowNumber);
            if (flow.Items.Count > 0)
            {
                flowNumber = flow.LastNumber;
                lastSent = now;
                yield return new SseItem<object>(flow, FeedEventNames.Flow);
            }

            if (_feed.Boards.Version != boardsVersion)
            {
                boardsVersion = _feed.Boards.Version;
                lastSent = now;
                yield return new SseItem<object>(_feed.Boards.Snapshot(), FeedEventNames.Boards);
            }

            if (_timeProvider.GetElapsedTime(lastSnapshot, now) >= SnapshotInterval)
            {
                if (_feed.ClientsVersion != clientsVersion)
                {
                    clientsVersion = _feed.ClientsVersion;
                    lastSnapshot = lastSent = now;
                    clients = await WhileRunningAsync(_snapshots.ClientsAsync).ConfigureAwait(false);
                    if (clients is null)
                    {
                        yield break;
                    }

                    yield return new SseItem<object>(clients, FeedEventNames.Clients);
                }

                if (_feed.RetainedVersion != retainedVersion)
                {
                    retainedVersion = _feed.RetainedVersion;
                    lastSnapshot = lastSent = now;
                    retained = await WhileRunningAsync(_snapshots.RetainedAsync).ConfigureAwait(false);
                    if (retained is null)
                    {
                        yield break;
                    }

                    yield return new SseItem<object>(retained, FeedEventNames.Retained);
                }
            }

            if (_timeProvider.GetElapsedTime(lastSent, now) >= HeartbeatInterval)
            {
                lastSent = now;
                yield return new SseItem<object>(_timeProvider.GetUtcNow(), FeedEventNames.Heartbeat);
            }
        }
    }

    /// <summary>
    /// Reads a snapshot, or gives null once the MQTT server has stopped (MQTTnet then throws "not started"): the broker is
    /// stopping, and the feed ends. A page asked to end may still be in the middle of a tick when the server stops.
    /// </summary>
    private async Task<T?> WhileRunningAsync<T>(Func<Task<T>> read)
        where T : class
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (InvalidOperationException) when (!_snapshots.BrokerRunning)
        {
            return null;
        }
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The page went away or the broker is stopping: the feed ends normally.
            return false;
        }
    }
}
