using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.Broker.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.ConsoleLog;

/// <summary>
/// Writes one line per publish (topic, sender, payload preview, flags and recipients), a near-miss hint when a publish
/// reached nobody, and a warning when a slow client loses messages. It wants every message while the messages category
/// is at Information or lower, only the ones that reached nobody at Warning, and none at all above that: then messages
/// cost nothing (<see cref="MessageInterest"/>). Looked at again when the logging settings reload.
/// </summary>
public sealed partial class MessageLog : ITrafficListener, IDisposable
{
    private const int LinesPerWindow = 50;
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger;
    private readonly BrokerOptions _options;
    private readonly LogThrottle _throttle;
    private readonly LogThrottle _slowClientThrottle;
    private readonly LogLevelWatch _levelWatch;

    /// <summary>Creates the log on the messages category.</summary>
    public MessageLog(ILoggerFactory loggerFactory, IOptionsMonitor<LoggerFilterOptions> loggerFilterOptions, IOptions<BrokerOptions> options, TimeProvider timeProvider)
    {
        _logger = loggerFactory.CreateLogger(LogCategories.Messages);
        _options = options.Value;
        _throttle = new LogThrottle(LinesPerWindow, s_window, timeProvider, (count, window) => LogSuppressed(_logger, count, (int)window.TotalSeconds));
        _slowClientThrottle = new LogThrottle(1, s_window, timeProvider, (count, window) => LogMoreDropped(_logger, count, (int)window.TotalSeconds));
        _levelWatch = new LogLevelWatch(loggerFilterOptions, () => MessageInterestChanged?.Invoke());
    }

    /// <inheritdoc />
    public event Action? MessageInterestChanged;

    /// <inheritdoc />
    public MessageInterest MessageInterest => _logger.IsEnabled(LogLevel.Information) ? MessageInterest.Every
        : _logger.IsEnabled(LogLevel.Warning) ? MessageInterest.Unrouted
        : MessageInterest.None;

    /// <inheritdoc />
    public void OnTraffic(TrafficEvent traffic)
    {
        switch (traffic)
        {
            case MessageRouted { Recipients.Count: 0 } message:
                if (_logger.IsEnabled(LogLevel.Warning) && _throttle.TryEnter())
                {
                    LogNoSubscribers(_logger, message.Topic, PublishText.Hint(message.NearMiss), PublishText.Sender(message.SenderId), PayloadPreview.Format(message.Payload), PublishText.Flags(message));
                }

                break;
            case MessageRouted message:
                if (_logger.IsEnabled(LogLevel.Information) && _throttle.TryEnter())
                {
                    LogPublished(_logger, message.Topic, PublishText.Sender(message.SenderId), PayloadPreview.Format(message.Payload), PublishText.Flags(message), PublishText.Recipients(message.Recipients, message.OfflineRecipients));
                }

                break;
            case MessagesDropped dropped:
                if (_logger.IsEnabled(LogLevel.Warning) && _slowClientThrottle.TryEnter())
                {
                    LogDropped(_logger, dropped.ClientId, _options.MaxPendingMessagesPerClient);
                }

                break;
            default:
                break;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _levelWatch.Dispose();
        _throttle.Dispose();
        _slowClientThrottle.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "'{Topic}' ← {Sender}: {Payload} ({Flags}) → {Recipients}")]
    private static partial void LogPublished(ILogger logger, string topic, string sender, string payload, string flags, string recipients);

    [LoggerMessage(Level = LogLevel.Warning, Message = "no subscribers for '{Topic}'{Hint} (sent by {Sender}: {Payload}, {Flags})")]
    private static partial void LogNoSubscribers(ILogger logger, string topic, string hint, string sender, string payload, string flags);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ClientId} is not keeping up: its queue reached {Limit} messages, so the oldest was dropped (Broker:MaxPendingMessagesPerClient)")]
    private static partial void LogDropped(ILogger logger, string clientId, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} more queued messages were dropped for slow clients in the last {Seconds} s")]
    private static partial void LogMoreDropped(ILogger logger, int count, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} more messages in the last {Seconds} s were not shown (set Logging:LogLevel:Esp32Mqtt.Broker.Messages to Warning to see only the ones that reach nobody)")]
    private static partial void LogSuppressed(ILogger logger, int count, int seconds);
}
