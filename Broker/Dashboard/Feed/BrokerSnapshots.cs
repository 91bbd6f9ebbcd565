using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Sessions;
using Esp32Mqtt.Broker.Subscriptions;
using Esp32Mqtt.Broker.Transport;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Dashboard.Feed;

/// <summary>Reads the broker's state as it is now, for a page that opens or redraws: clients, subscriptions, retained messages.</summary>
public sealed class BrokerSnapshots
{
    private readonly BrokerServer _broker;
    private readonly SubscriptionRegistry _registry;
    private readonly IBrokerTransport _transport;
    private readonly SessionTable _sessions;

    /// <summary>Reads from the MQTTnet server, the subscription registry, the transport and the kept sessions.</summary>
    public BrokerSnapshots(BrokerServer broker, SubscriptionRegistry registry, IBrokerTransport transport, SessionTable sessions)
    {
        _broker = broker;
        _registry = registry;
        _transport = transport;
        _sessions = sessions;
    }

    /// <summary>Whether the MQTT server is running; once it has stopped, there is nothing left to read.</summary>
    public bool BrokerRunning => _broker.Server.IsStarted;

    /// <summary>The connected clients, those away whose sessions are kept, and every subscription.</summary>
    public async Task<ClientsView> ClientsAsync()
    {
        IList<MqttClientStatus> clients = await _broker.Server.GetClientsAsync().ConfigureAwait(false);
        List<OfflineClientView> offline = await OfflineAsync().ConfigureAwait(false);
        List<ClientView> listed = [.. clients.OrderBy(c => c.Id, StringComparer.Ordinal).Take(ClientsView.MostListed).Select(Describe)];
        IReadOnlyList<Subscription> subscriptions = _registry.Snapshot;
        List<SubscriptionView> subscriptionsListed =
        [
            .. subscriptions.Take(ClientsView.MostListed).Select(s => new SubscriptionView(s.ClientId, s.TopicFilter, (int)s.QualityOfService)),
        ];
        return new ClientsView(listed, clients.Count, subscriptionsListed, subscriptions.Count, offline);
    }

    /// <summary>The retained messages.</summary>
    public async Task<RetainedView> RetainedAsync()
    {
        IList<MqttApplicationMessage> messages = await _broker.Server.GetRetainedMessagesAsync().ConfigureAwait(false);
        List<RetainedMessageView> listed =
        [
            .. messages
                .OrderBy(m => m.Topic, StringComparer.Ordinal)
                .Take(ClientsView.MostListed)
                .Select(m => new RetainedMessageView(m.Topic, PayloadView.Of(m.Payload), (int)m.QualityOfServiceLevel)),
        ];
        return new RetainedView(listed, messages.Count);
    }

    private async Task<List<OfflineClientView>> OfflineAsync()
    {
        IReadOnlyList<OfflineSession> offline = _sessions.Offline;
        if (offline.Count == 0)
        {
            return [];
        }

        Dictionary<string, long> queued = (await _broker.Server.GetSessionsAsync().ConfigureAwait(false))
            .ToDictionary(session => session.Id, session => session.PendingApplicationMessagesCount, StringComparer.Ordinal);
        return
        [
            .. offline
                .OrderBy(session => session.ClientId, StringComparer.Ordinal)
                .Take(ClientsView.MostListed)
                .Select(session => new OfflineClientView(session.ClientId, session.OfflineSince, session.ExpiresAt, queued.GetValueOrDefault(session.ClientId))),
        ];
    }

    private ClientView Describe(MqttClientStatus client)
    {
        // Keep-alive, will and user name come from the CONNECT packet, which only the TCP transport keeps
        // (MqttClientStatus has none of them); for a WebSocket client they are unknown.
        MqttConnectPacket? connect = _transport.FindConnectPacket(client.RemoteEndPoint);
        return new ClientView(
            client.Id,
            EndpointText.Format(client.RemoteEndPoint),
            ProtocolText.Format(client.ProtocolVersion),
            new DateTimeOffset(DateTime.SpecifyKind(client.ConnectedTimestamp, DateTimeKind.Utc)),
            connect?.KeepAlivePeriod,
            connect is { WillFlag: true } ? connect.WillTopic : null,
            string.IsNullOrEmpty(connect?.Username) ? null : connect.Username);
    }
}
