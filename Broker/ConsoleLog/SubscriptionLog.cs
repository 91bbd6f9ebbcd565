using Esp32Mqtt.Broker.Events;
using Microsoft.Extensions.Logging;

namespace Esp32Mqtt.Broker.ConsoleLog;

/// <summary>Writes one line per subscribe and unsubscribe, and one per filter refused.</summary>
public sealed partial class SubscriptionLog : ITrafficListener
{
    private readonly ILogger _logger;

    /// <summary>Creates the log on the subscriptions category.</summary>
    public SubscriptionLog(ILoggerFactory loggerFactory)
    {
        _logger = loggerFactory.CreateLogger(LogCategories.Subscriptions);
    }

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
            case ClientSubscribed subscribed:
                LogSubscribed(_logger, subscribed.ClientId, subscribed.TopicFilter, subscribed.QualityOfService);
                break;
            case SubscriptionRefused refused:
                LogRefused(_logger, refused.ClientId, refused.TopicFilter, refused.Reason);
                break;
            case ClientUnsubscribed unsubscribed:
                LogUnsubscribed(_logger, unsubscribed.ClientId, unsubscribed.TopicFilter);
                break;
            default:
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId} subscribed to '{TopicFilter}' (QoS {Qos})")]
    private static partial void LogSubscribed(ILogger logger, string clientId, string topicFilter, int qos);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ClientId} could not subscribe to '{TopicFilter}': {Reason}")]
    private static partial void LogRefused(ILogger logger, string clientId, string topicFilter, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId} unsubscribed from '{TopicFilter}'")]
    private static partial void LogUnsubscribed(ILogger logger, string clientId, string topicFilter);
}
