using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Retained;

/// <summary>
/// Connects MQTTnet's retained messages to <see cref="RetainedMessageStore"/>. MQTTnet awaits
/// RetainedMessageChangedAsync inside the dispatch of a retained PUBLISH, before it queues the PUBACK
/// (MqttRetainedMessagesManager.UpdateMessage, MqttConnectedClient.HandleIncomingPublishPacket), so waiting there for
/// the write makes an acknowledged retained QoS 1 message survive a crash. A retained QoS 0 message is acknowledged to
/// nobody, so it is written behind, without holding up its delivery.
/// </summary>
public sealed class RetainedMessagePersistence
{
    private readonly RetainedMessageStore _store;
    private readonly RetainedStoreWriter _writer;
    private List<MqttApplicationMessage> _loaded = [];

    /// <summary>Creates the persistence for a store and its writer.</summary>
    public RetainedMessagePersistence(RetainedMessageStore store, RetainedStoreWriter writer)
    {
        _store = store;
        _writer = writer;
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
        server.RetainedMessageChangedAsync += eventArgs => _writer.SaveAsync(
            eventArgs.StoredRetainedMessages,
            waitUntilDurable: eventArgs.ChangedRetainedMessage.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce);
        server.RetainedMessagesClearedAsync += _ => _writer.SaveAsync([], waitUntilDurable: true);
    }
}
