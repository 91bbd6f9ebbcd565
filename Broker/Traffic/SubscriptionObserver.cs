using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Observation;
using Esp32Mqtt.Broker.Transport;
using Microsoft.Extensions.Logging;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Traffic;

/// <summary>Keeps <see cref="SubscriptionRegistry"/> in step with MQTTnet's sessions and writes one line per subscribe and unsubscribe.</summary>
public sealed partial class SubscriptionObserver : IMqttServerObserver
{
    private readonly ILogger _logger;
    private readonly SubscriptionRegistry _registry;
    private readonly ConnectionDirectory _directory;

    /// <summary>Creates the observer on the subscriptions category.</summary>
    public SubscriptionObserver(ILoggerFactory loggerFactory, SubscriptionRegistry registry, ConnectionDirectory directory)
    {
        _directory = directory;
        _logger = loggerFactory.CreateLogger(LogCategories.Subscriptions);
        _registry = registry;
    }

    /// <inheritdoc />
    public void Attach(MqttServer server)
    {
        server.ClientSubscribedTopicAsync += OnSubscribedAsync;
        server.ClientUnsubscribedTopicAsync += OnUnsubscribedAsync;
        server.ClientConnectedAsync += OnClientConnectedAsync;
        server.SessionDeletedAsync += OnSessionDeletedAsync;
    }

    private Task OnSubscribedAsync(ClientSubscribedTopicEventArgs eventArgs)
    {
        _registry.Add(new Subscription(eventArgs.ClientId, eventArgs.TopicFilter.Topic, eventArgs.TopicFilter.QualityOfServiceLevel, eventArgs.TopicFilter.NoLocal));
        LogSubscribed(_logger, eventArgs.ClientId, eventArgs.TopicFilter.Topic, (int)eventArgs.TopicFilter.QualityOfServiceLevel);
        return Task.CompletedTask;
    }

    private Task OnUnsubscribedAsync(ClientUnsubscribedTopicEventArgs eventArgs)
    {
        _registry.Remove(eventArgs.ClientId, eventArgs.TopicFilter);
        LogUnsubscribed(_logger, eventArgs.ClientId, eventArgs.TopicFilter);
        return Task.CompletedTask;
    }

    private Task OnClientConnectedAsync(ClientConnectedEventArgs eventArgs)
    {
        // A clean start replaces any session the client id had, and MQTTnet raises no session-deleted event for
        // the replaced one (MqttClientSessionsManager.CreateClientConnection).
        if (_directory.Find(eventArgs.RemoteEndPoint) is not { CleanSession: false })
        {
            _registry.RemoveClient(eventArgs.ClientId);
        }

        return Task.CompletedTask;
    }

    private Task OnSessionDeletedAsync(SessionDeletedEventArgs eventArgs)
    {
        _registry.RemoveClient(eventArgs.Id);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId} subscribed to '{TopicFilter}' (QoS {Qos})")]
    private static partial void LogSubscribed(ILogger logger, string clientId, string topicFilter, int qos);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId} unsubscribed from '{TopicFilter}'")]
    private static partial void LogUnsubscribed(ILogger logger, string clientId, string topicFilter);
}
