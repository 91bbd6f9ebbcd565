using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Observation;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Retained;

/// <summary>
/// Connects MQTTnet's retained messages to <see cref="RetainedMessageStore"/>. MQTTnet awaits
/// RetainedMessageChangedAsync inside the dispatch of a retained PUBLISH, before it queues the PUBACK
/// (MqttRetainedMessagesManager.UpdateMessage, MqttConnectedClient.HandleIncomingPublishPacket), so saving inside the
/// handler makes an acknowledged retained QoS 1 message survive a crash.
/// </summary>
public sealed partial class RetainedMessagePersistence : IMqttServerObserver
{
    private readonly RetainedMessageStore _store;
    private readonly ILogger _logger;
    private List<MqttApplicationMessage> _loaded = [];

    /// <summary>Creates the persistence for a store.</summary>
    public RetainedMessagePersistence(RetainedMessageStore store, ILoggerFactory loggerFactory)
    {
        _store = store;
        _logger = loggerFactory.CreateLogger(LogCategories.Broker);
    }

    /// <summary>Reads the store now, so an unreadable data directory stops the start-up, then attaches the handlers.</summary>
    public void Attach(MqttServer server)
    {
        // Loaded here rather than inside LoadingRetainedMessageAsync: MQTTnet swallows exceptions from that event
        // (MqttRetainedMessagesManager.Start) and would start empty, and the next save would replace the file.
        _loaded = [.. _store.Load()];
        server.LoadingRetainedMessageAsync += eventArgs =>
        {
            eventArgs.LoadedRetainedMessages = _loaded;
            return Task.CompletedTask;
        };
        server.RetainedMessageChangedAsync += eventArgs => SaveAsync(eventArgs.StoredRetainedMessages);
        server.RetainedMessagesClearedAsync += _ => SaveAsync([]);
    }

    private Task SaveAsync(IEnumerable<MqttApplicationMessage> messages)
    {
        try
        {
            _store.Save(messages);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogSaveFailed(_logger, _store.FilePath, exception.Message);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "could not save the retained messages to {Path}: {Reason}; they are kept in memory until the broker stops")]
    private static partial void LogSaveFailed(ILogger logger, string path, string reason);
}
