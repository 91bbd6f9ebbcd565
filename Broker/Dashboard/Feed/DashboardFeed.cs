using Esp32Mqtt.Broker.Dashboard.Boards;
using Esp32Mqtt.Broker.Events;

namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>
/// The dashboard's one listener on the broker's traffic. It wants every message only while at least one page is open
/// (<see cref="OpenPage"/>); with none, MQTTnet's per-message handlers stay detached and a message costs the dashboard
/// nothing. Retained-message changes, which come without them, keep the boards' status and LED current at all times.
/// Each event only counts, records or bumps a version here; the pages' own loops do the rest, at their own pace.
/// </summary>
public sealed class DashboardFeed : ITrafficListener
{
    private int _openPages;
    private long _clientsVersion;
    private long _retainedVersion;

    /// <summary>Creates the feed; <paramref name="timeProvider"/> times the flow's per-second budget.</summary>
    public DashboardFeed(TimeProvider timeProvider)
    {
        Flow = new FlowLog(timeProvider);
    }

    /// <inheritdoc />
    public event Action? MessageInterestChanged;

    /// <inheritdoc />
    public MessageInterest MessageInterest => Volatile.Read(ref _openPages) > 0 ? MessageInterest.Every : MessageInterest.None;

    /// <summary>The boards seen on their topics.</summary>
    public BoardDirectory Boards { get; } = new();

    /// <summary>The routed messages, as the flow view draws them.</summary>
    public FlowLog Flow { get; }

    /// <summary>Goes up whenever a client connects, disconnects, subscribes or unsubscribes, or a kept session expires.</summary>
    public long ClientsVersion => Interlocked.Read(ref _clientsVersion);

    /// <summary>Goes up whenever a retained message is stored, replaced or cleared.</summary>
    public long RetainedVersion => Interlocked.Read(ref _retainedVersion);

    /// <summary>How many pages are open now.</summary>
    public int OpenPages => Volatile.Read(ref _openPages);

    /// <summary>A page opened its feed: messages are wanted until the result is disposed.</summary>
    public IDisposable OpenPage()
    {
        if (Interlocked.Increment(ref _openPages) == 1)
        {
            MessageInterestChanged?.Invoke();
        }

        return new PageClosing(this);
    }

    /// <inheritdoc />
    public void OnTraffic(TrafficEvent traffic)
    {
        switch (traffic)
        {
            case MessageRouted message:
                Flow.Record(message);
                Boards.Apply(message.Topic, message.Payload, message.Time);
                break;
            case RetainedChanged { Topic: null }:
                Boards.ForgetRetained();
                Interlocked.Increment(ref _retainedVersion);
                break;
            case RetainedChanged retained:
                Boards.Apply(retained.Topic, retained.Payload, retained.Time);
                Interlocked.Increment(ref _retainedVersion);
                break;
            case ClientConnected or ClientDisconnected or ClientSubscribed or ClientUnsubscribed or SessionExpired:
                Interlocked.Increment(ref _clientsVersion);
                break;
            default:
                break;
        }
    }

    private void ClosePage()
    {
        if (Interlocked.Decrement(ref _openPages) == 0)
        {
            MessageInterestChanged?.Invoke();
        }
    }

    private sealed class PageClosing(DashboardFeed feed) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                feed.ClosePage();
            }
        }
    }
}
