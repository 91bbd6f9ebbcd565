using Esp32Mqtt.Broker.Hosting;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport;

/// <summary>
/// Closes accepted connections whose client has gone silent past its keep-alive (<see cref="KeepAliveWatch"/>), in place
/// of MQTTnet's monitor (MqttServerKeepAliveMonitor, switched off in <see cref="BrokerServer"/>). MQTTnet's monitor only
/// knows the packets MQTTnet's receive loop has processed, and a lone QoS 0 publish routed inline
/// (<see cref="InlinePublishing"/>) never reaches that loop; this one counts every packet a connection reads. Closing the
/// connection ends MQTTnet's receive loop as a dropped network connection does, so the client's will is published and
/// its disconnection logged.
/// </summary>
public sealed class KeepAliveMonitor : IMqttServerObserver, IDisposable
{
    /// <summary>
    /// How often the connections are looked at: a client is closed at most this much after its keep-alive has run out
    /// (and once more this much late after it was accepted, as the first look starts its watch). MQTTnet's monitor looked
    /// twice as often; a look at 2,000 idle connections costs about a millisecond.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ClientConnections _connections;
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _timer;
    private int _disposed;

    /// <summary>Watches the connections in <paramref name="connections"/>, on <paramref name="timeProvider"/>'s clock.</summary>
    public KeepAliveMonitor(ClientConnections connections, TimeProvider timeProvider)
    {
        _connections = connections;
        _timeProvider = timeProvider;

        // Made here, so that the timer does not keep the execution context of whatever attaches the monitor.
        _timer = timeProvider.CreateTimer(_ => LookAtConnections(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public void Attach(MqttServer server)
    {
        _timer.Change(Interval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Looks at every accepted connection once, and closes those whose keep-alive has run out.</summary>
    public void LookAtConnections()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        long now = _timeProvider.GetTimestamp();
        foreach (KeyValuePair<string, StreamChannelAdapter> accepted in _connections.AcceptedConnections)
        {
            StreamChannelAdapter connection = accepted.Value;
            if (connection.KeepAlive?.HasRunOut(connection.PacketsRead, now, _timeProvider) == true)
            {
                _ = connection.DisconnectAsync(CancellationToken.None);
            }
        }

        // Armed again only now: a look never overlaps the one before.
        try
        {
            _timer.Change(Interval, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed during this look: the broker is stopping.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _timer.Dispose();
        }
    }
}
