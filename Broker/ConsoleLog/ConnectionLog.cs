using System.Globalization;
using Esp32Mqtt.Broker.Events;
using Microsoft.Extensions.Logging;

namespace Esp32Mqtt.Broker.ConsoleLog;

/// <summary>
/// Writes one line per client connect and disconnect (with its will, and what becomes of a delayed one), and one per
/// connection refused or given up on, each kind throttled on its own so that a flood of connections or garbage cannot
/// flood the console.
/// </summary>
public sealed partial class ConnectionLog : ITrafficListener, IDisposable
{
    private static readonly TimeSpan s_clientWindow = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_refusalWindow = TimeSpan.FromSeconds(10);

    private readonly ILogger _logger;
    private readonly LogThrottle _clientThrottle;
    private readonly LogThrottle _refusalThrottle;
    private readonly LogThrottle _problemThrottle;

    /// <summary>Creates the log on the connections category.</summary>
    public ConnectionLog(ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        _logger = loggerFactory.CreateLogger(LogCategories.Connections);
        _clientThrottle = new LogThrottle(ClientLinesPerWindow, s_clientWindow, timeProvider, (count, window) => LogClientsSuppressed(_logger, count, (int)window.TotalSeconds));
        _refusalThrottle = new LogThrottle(RefusalLinesPerWindow, s_refusalWindow, timeProvider, (count, window) => LogRefusalsSuppressed(_logger, count, (int)window.TotalSeconds));
        _problemThrottle = new LogThrottle(ProblemLinesPerWindow, s_refusalWindow, timeProvider, (count, window) => LogProblemsSuppressed(_logger, count, (int)window.TotalSeconds));
    }

    /// <summary>Connect and disconnect lines shown per 5 s; more are counted in one summary line.</summary>
    public static int ClientLinesPerWindow => 40;

    /// <summary>Lines for refused CONNECTs (credentials, client id) shown per 10 s.</summary>
    public static int RefusalLinesPerWindow => 10;

    /// <summary>Lines for connections closed for bad input or silence shown per 10 s.</summary>
    public static int ProblemLinesPerWindow => 5;

    /// <inheritdoc />
    public event Action? MessageInterestChanged
    {
        add { }
        remove { }
    }

    /// <inheritdoc />
    public MessageInterest MessageInterest => MessageInterest.None;

    /// <inheritdoc />
    public void OnTraffic(TrafficEvent traffic)
    {
        switch (traffic)
        {
            case ClientConnected connected when _logger.IsEnabled(LogLevel.Information) && _clientThrottle.TryEnter():
                LogConnected(_logger, connected.ClientId, EndpointText.Format(connected.Remote), Describe(connected));
                break;
            case ClientDisconnected disconnected when _logger.IsEnabled(LogLevel.Information) && _clientThrottle.TryEnter():
                LogDisconnected(disconnected);
                break;
            case ConnectionRefused refused:
                LogRefused(refused);
                break;
            case WillPublished published when _logger.IsEnabled(LogLevel.Information):
                LogWillPublished(_logger, published.ClientId, published.Topic, Describe(published.Why));
                break;
            case WillCancelled cancelled when _logger.IsEnabled(LogLevel.Information):
                LogWillCancelled(_logger, cancelled.ClientId, cancelled.Topic);
                break;
            case SessionExpired expired when _logger.IsEnabled(LogLevel.Information):
                LogSessionExpired(_logger, expired.ClientId, DurationText.Format(expired.OfflineFor), expired.DroppedMessages);
                break;
            default:
                break;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _clientThrottle.Dispose();
        _refusalThrottle.Dispose();
        _problemThrottle.Dispose();
    }

    /// <summary>"MQTT 3.1.1, keep-alive 15 s, will 'esp32/x/status', user 'esp32'".</summary>
    private static string Describe(ClientConnected connected)
    {
        List<string> parts = [connected.Protocol];
        if (connected.KeepAliveSeconds is ushort keepAlive)
        {
            parts.Add(keepAlive == 0 ? "no keep-alive" : string.Create(CultureInfo.InvariantCulture, $"keep-alive {keepAlive} s"));
        }

        if (connected.WillTopic is not null)
        {
            parts.Add($"will '{connected.WillTopic}'");
        }

        if (connected.UserName is not null)
        {
            parts.Add($"user '{connected.UserName}'");
        }

        if (connected.SessionResumed)
        {
            parts.Add("resumes its session");
        }

        return string.Join(", ", parts);
    }

    private void LogDisconnected(ClientDisconnected disconnected)
    {
        switch (disconnected.How)
        {
            case DisconnectKind.Clean:
                LogDisconnected(_logger, disconnected.ClientId, SessionText(disconnected));
                break;
            case DisconnectKind.TakenOver:
                LogTakenOver(_logger, disconnected.ClientId, WillText(disconnected));
                break;
            default:
                LogConnectionLost(_logger, disconnected.ClientId, WillText(disconnected) + SessionText(disconnected));
                break;
        }
    }

    /// <summary>"; its session is kept for 7 days: messages for its subscriptions queue until it comes back", or nothing.</summary>
    private static string SessionText(ClientDisconnected disconnected)
    {
        if (!disconnected.SessionKept)
        {
            return string.Empty;
        }

        string howLong = disconnected.SessionExpiresAt is { } expiresAt ? "for " + DurationText.Format(expiresAt - disconnected.Time) : "with no expiry";
        return $"; its session is kept {howLong}: messages for its subscriptions queue until it comes back";
    }

    private static string WillText(ClientDisconnected disconnected)
    {
        if (disconnected is { DelayedWillTopic: { } delayedTopic, WillDelay: { } delay })
        {
            return $"; its last will goes to '{delayedTopic}' in {DurationText.Format(delay)} unless it connects again";
        }

        return disconnected.PublishedWillTopic is null ? string.Empty : $"; last will published to '{disconnected.PublishedWillTopic}'";
    }

    private static string Describe(WillPublishedBecause why)
    {
        return why switch
        {
            WillPublishedBecause.SessionEnded => "its session ended before its will delay",
            WillPublishedBecause.CleanStart => "it connected again with a clean start, which ended its session",
            _ => "its will delay passed",
        };
    }

    private void LogRefused(ConnectionRefused refused)
    {
        string remote = EndpointText.Format(refused.Remote);
        switch (refused.Kind)
        {
            case RefusalKind.Credentials when _logger.IsEnabled(LogLevel.Warning) && _refusalThrottle.TryEnter():
                LogRefusedClient(_logger, refused.ClientId ?? "(no client id)", remote, refused.Reason);
                break;
            case RefusalKind.ClosedBeforeConnect:
                LogClosedEarly(_logger, remote, refused.Reason);
                break;
            case RefusalKind.KeepAliveExpired:
                LogKeepAliveExpired(_logger, refused.Reason);
                break;
            case RefusalKind.BadInput or RefusalKind.NoConnect when _logger.IsEnabled(LogLevel.Warning) && _problemThrottle.TryEnter():
                LogClosed(_logger, remote, refused.Reason);
                break;
            default:
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId} connected from {Remote} ({Details})")]
    private static partial void LogConnected(ILogger logger, string clientId, string remote, string details);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId} disconnected{Session}")]
    private static partial void LogDisconnected(ILogger logger, string clientId, string session);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId}'s session expired after {OfflineFor} away; {Dropped} queued messages were dropped")]
    private static partial void LogSessionExpired(ILogger logger, string clientId, string offlineFor, long dropped);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId}'s last will was published to '{Topic}': {Why}")]
    private static partial void LogWillPublished(ILogger logger, string clientId, string topic, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId} connected again within its will delay: its last will to '{Topic}' is not published")]
    private static partial void LogWillCancelled(ILogger logger, string clientId, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId} lost its connection (closed without DISCONNECT, or its keep-alive ran out){Will}")]
    private static partial void LogConnectionLost(ILogger logger, string clientId, string will);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId} was replaced by a new connection with the same client id (two devices sharing one id push each other out){Will}")]
    private static partial void LogTakenOver(ILogger logger, string clientId, string will);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} more connects and disconnects in the last {Seconds} s were not shown")]
    private static partial void LogClientsSuppressed(ILogger logger, int count, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused {ClientId} from {Remote}: {Reason}")]
    private static partial void LogRefusedClient(ILogger logger, string clientId, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} more refused connections in the last {Seconds} s were not shown")]
    private static partial void LogRefusalsSuppressed(ILogger logger, int count, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "closed the connection from {Remote}: {Reason}")]
    private static partial void LogClosed(ILogger logger, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "the connection from {Remote} ended: {Reason}")]
    private static partial void LogClosedEarly(ILogger logger, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}: closing its connection")]
    private static partial void LogKeepAliveExpired(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} more connection problems in the last {Seconds} s were not shown")]
    private static partial void LogProblemsSuppressed(ILogger logger, int count, int seconds);
}
