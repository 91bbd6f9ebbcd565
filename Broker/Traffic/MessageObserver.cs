using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Observation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Traffic;

/// <summary>
/// Writes one line per publish (topic, sender, payload preview, flags and recipients), and a near-miss hint when a
/// publish reached nobody. MQTTnet raises no event when it has finished routing a message, so recipients come from
/// <see cref="SubscriptionRegistry"/>, which applies MQTTnet's own matching rules. The per-message handler is only
/// attached while the messages category is at Information or lower, and is re-evaluated when logging settings reload.
/// </summary>
public sealed partial class MessageObserver : IMqttServerObserver, IDisposable
{
    /// <summary>The sender id shown for messages typed at the broker console.</summary>
    public const string ConsoleSenderId = "console";

    private const int LinesPerWindow = 50;
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger;
    private readonly SubscriptionRegistry _registry;
    private readonly IOptionsMonitor<LoggerFilterOptions> _loggerFilterOptions;
    private readonly BrokerOptions _options;
    private readonly LogThrottle _throttle;
    private readonly LogThrottle _slowClientThrottle;
    private readonly object _gate = new();
    private MqttServer? _server;
    private IDisposable? _filterChangeRegistration;

    /// <summary>Creates the observer on the messages category.</summary>
    public MessageObserver(
        ILoggerFactory loggerFactory,
        SubscriptionRegistry registry,
        IOptionsMonitor<LoggerFilterOptions> loggerFilterOptions,
        IOptions<BrokerOptions> options,
        TimeProvider timeProvider)
    {
        _logger = loggerFactory.CreateLogger(LogCategories.Messages);
        _registry = registry;
        _loggerFilterOptions = loggerFilterOptions;
        _options = options.Value;
        _throttle = new LogThrottle(LinesPerWindow, s_window, timeProvider, (count, window) => LogSuppressed(_logger, count, (int)window.TotalSeconds));
        _slowClientThrottle = new LogThrottle(1, s_window, timeProvider, (count, window) => LogMoreDropped(_logger, count, (int)window.TotalSeconds));
    }

    /// <summary>What is being watched right now.</summary>
    public MessageLogMode Mode { get; private set; }

    /// <inheritdoc />
    public void Attach(MqttServer server)
    {
        _server = server;

        // Raised only when a slow client's queue overflows, so it costs nothing on the normal path.
        server.QueuedApplicationMessageOverwrittenAsync += OnQueueOverflowAsync;
        UpdateMode();
        _filterChangeRegistration = _loggerFilterOptions.OnChange(_ => UpdateMode());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _filterChangeRegistration?.Dispose();
        _throttle.Dispose();
        _slowClientThrottle.Dispose();
    }

    private void UpdateMode()
    {
        lock (_gate)
        {
            MqttServer? server = _server;
            if (server is null)
            {
                return;
            }

            MessageLogMode wanted = _logger.IsEnabled(LogLevel.Information) ? MessageLogMode.EveryMessage
                : _logger.IsEnabled(LogLevel.Warning) ? MessageLogMode.UnconsumedOnly
                : MessageLogMode.Off;
            if (wanted == Mode)
            {
                return;
            }

            if (Mode == MessageLogMode.EveryMessage)
            {
                server.InterceptingPublishAsync -= OnPublishAsync;
            }
            else if (Mode == MessageLogMode.UnconsumedOnly)
            {
                server.ApplicationMessageNotConsumedAsync -= OnNotConsumedAsync;
            }

            if (wanted == MessageLogMode.EveryMessage)
            {
                server.InterceptingPublishAsync += OnPublishAsync;
            }
            else if (wanted == MessageLogMode.UnconsumedOnly)
            {
                server.ApplicationMessageNotConsumedAsync += OnNotConsumedAsync;
            }

            Mode = wanted;
        }
    }

    private Task OnPublishAsync(InterceptingPublishEventArgs eventArgs)
    {
        MqttApplicationMessage message = eventArgs.ApplicationMessage;
        IReadOnlyList<string> recipients = _registry.FindRecipients(message.Topic, eventArgs.ClientId);
        if (recipients.Count == 0)
        {
            ReportNoSubscribers(message, eventArgs.ClientId);
        }
        else if (_logger.IsEnabled(LogLevel.Information) && _throttle.TryEnter())
        {
            LogPublished(_logger, message.Topic, PublishText.Sender(eventArgs.ClientId), PayloadPreview.Format(message.Payload), PublishText.Flags(message), PublishText.Recipients(recipients));
        }

        return Task.CompletedTask;
    }

    private Task OnNotConsumedAsync(ApplicationMessageNotConsumedEventArgs eventArgs)
    {
        // MQTTnet counts only the recipients it queued for; the ones DirectDelivery wrote to count as none there.
        if (!_registry.HasRecipients(eventArgs.ApplicationMessage.Topic, eventArgs.SenderId))
        {
            ReportNoSubscribers(eventArgs.ApplicationMessage, eventArgs.SenderId);
        }

        return Task.CompletedTask;
    }

    private void ReportNoSubscribers(MqttApplicationMessage message, string? senderId)
    {
        if (_logger.IsEnabled(LogLevel.Warning) && _throttle.TryEnter())
        {
            NearMiss? nearMiss = NearMissFinder.Find(message.Topic, _registry.Snapshot);
            LogNoSubscribers(_logger, message.Topic, PublishText.Hint(nearMiss), PublishText.Sender(senderId), PayloadPreview.Format(message.Payload), PublishText.Flags(message));
        }
    }

    private Task OnQueueOverflowAsync(QueueMessageOverwrittenEventArgs eventArgs)
    {
        if (_logger.IsEnabled(LogLevel.Warning) && _slowClientThrottle.TryEnter())
        {
            LogDropped(_logger, eventArgs.ReceiverClientId, _options.MaxPendingMessagesPerClient);
        }

        return Task.CompletedTask;
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
