using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.Broker.Transport;
using Microsoft.Extensions.Logging;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Sessions;

/// <summary>
/// Deletes the kept sessions of clients that stayed away past their expiry (<see cref="SessionTable"/>), so that a
/// classroom's abandoned sessions do not queue messages for ever. MQTTnet 5.2 looks at a session's expiry only when a
/// client with its id connects again (MqttSessionsStorage.TryGetSession), keeps queueing for it until then, and has no
/// expiry for MQTT 3.1.1 at all. A session is deleted between two connections of its client id
/// (<see cref="IBrokerTransport.RunBetweenConnectionsAsync"/>): MQTTnet deletes by client id, and a client connecting
/// again at that moment must not lose its new session.
/// </summary>
public sealed partial class SessionExpiry : IDisposable
{
    private readonly SessionTable _table;
    private readonly IBrokerTransport _transport;
    private readonly TrafficEvents _events;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private MqttServer? _server;
    private bool _disposed;

    /// <summary>Watches <paramref name="table"/> on <paramref name="timeProvider"/>'s clock.</summary>
    public SessionExpiry(SessionTable table, IBrokerTransport transport, TrafficEvents events, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _logger = loggerFactory.CreateLogger(LogCategories.Broker);
        _table = table;
        _transport = transport;
        _events = events;
        _timeProvider = timeProvider;
        _timer = timeProvider.CreateTimer(_ => _ = ExpireDueAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        table.ExpiriesChanged += ArmForNext;
    }

    /// <summary>Deletes <paramref name="server"/>'s sessions as they expire; called once, before it starts.</summary>
    public void Attach(MqttServer server)
    {
        _server = server;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _table.ExpiriesChanged -= ArmForNext;
            _timer.Dispose();
        }
    }

    private void ArmForNext()
    {
        DateTimeOffset? next = _table.Offline.Min(session => session.ExpiresAt);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            TimeSpan dueIn = next is { } at ? Max(at - _timeProvider.GetUtcNow(), TimeSpan.Zero) : Timeout.InfiniteTimeSpan;
            _timer.Change(dueIn, Timeout.InfiniteTimeSpan);
        }
    }

    private static TimeSpan Max(TimeSpan first, TimeSpan second)
    {
        return first > second ? first : second;
    }

    private async Task ExpireDueAsync()
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        foreach (OfflineSession session in _table.Offline.Where(session => session.ExpiresAt <= now))
        {
            try
            {
                await _transport.RunBetweenConnectionsAsync(session.ClientId, () => DeleteIfStillOfflineAsync(session, now)).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // One session that cannot be deleted does not keep the others, nor the timer, from going on.
                LogDeleteFailed(_logger, session.ClientId, exception);
            }
        }

        ArmForNext();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not delete the expired session of {ClientId}")]
    private static partial void LogDeleteFailed(ILogger logger, string clientId, Exception exception);

    private async Task DeleteIfStillOfflineAsync(OfflineSession session, DateTimeOffset now)
    {
        MqttServer? server = _server;
        if (server is null || !_table.IsOffline(session.ClientId))
        {
            return;
        }

        MqttSessionStatus status;
        try
        {
            status = await server.GetSessionAsync(session.ClientId).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Gone already (MQTTnet found it expired when the client tried to connect).
            _table.Deleted(session.ClientId);
            return;
        }

        if (status.DisconnectedTimestamp is null)
        {
            return;
        }

        long dropped = status.PendingApplicationMessagesCount;
        await status.DeleteAsync().ConfigureAwait(false);
        _table.Deleted(session.ClientId);
        _events.Raise(new SessionExpired(now, session.ClientId, now - session.OfflineSince, dropped));
    }
}
