using System.Buffers;
using System.Globalization;
using System.Text;
using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Retained;
using Esp32Mqtt.Broker.Sessions;
using Esp32Mqtt.Broker.Subscriptions;
using Esp32Mqtt.Broker.Transport;
using MQTTnet;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.ConsoleCommands;

/// <summary>Carries out console commands; publishes go through MQTTnet's routing, so they are logged like any other.</summary>
public sealed class ConsoleCommandExecutor
{
    private readonly BrokerServer _broker;
    private readonly IBrokerTransport _transport;
    private readonly SubscriptionRegistry _registry;
    private readonly SessionTable _sessions;
    private readonly RetainedMessageStore _store;
    private readonly TextWriter _output;

    /// <summary>Creates the executor.</summary>
    public ConsoleCommandExecutor(BrokerServer broker, IBrokerTransport transport, SubscriptionRegistry registry, SessionTable sessions, RetainedMessageStore store, BrokerConsole console)
    {
        _broker = broker;
        _transport = transport;
        _registry = registry;
        _sessions = sessions;
        _store = store;
        _output = console.Output;
    }

    /// <summary>Parses and carries out one line; a bad line prints why and the usage, and changes nothing.</summary>
    public async Task ExecuteAsync(string line)
    {
        ConsoleParseResult result = ConsoleCommandParser.Parse(line);
        if (result.Error is not null)
        {
            Write($"Not understood: {result.Error}.{Environment.NewLine}{ConsoleUsage.Text}");
            return;
        }

        switch (result.Command)
        {
            case PublishCommand publish:
                await PublishAsync(publish).ConfigureAwait(false);
                break;
            case ShowCommand { Target: ShowTarget.Clients }:
                Write(await DescribeClientsAsync().ConfigureAwait(false));
                break;
            case ShowCommand { Target: ShowTarget.Subscriptions }:
                Write(DescribeSubscriptions(_sessions.Offline.Select(session => session.ClientId).ToHashSet(StringComparer.Ordinal)));
                break;
            case ShowCommand { Target: ShowTarget.Retained }:
                Write(await DescribeRetainedAsync().ConfigureAwait(false));
                break;
            case ShowCommand:
                Write(ConsoleUsage.Text);
                break;
            default:
                break;
        }
    }

    private Task PublishAsync(PublishCommand publish)
    {
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(publish.Topic)
            .WithPayload(Encoding.UTF8.GetBytes(publish.Payload))
            .WithRetainFlag(publish.Retain)
            .WithQualityOfServiceLevel(publish.QualityOfService)
            .Build();
        return _broker.Server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = TrafficEvents.ConsoleSenderId });
    }

    private async Task<string> DescribeClientsAsync()
    {
        IList<MqttClientStatus> clients = await _broker.Server.GetClientsAsync().ConfigureAwait(false);
        StringBuilder text = new(clients.Count == 0 ? "No clients connected." : string.Create(CultureInfo.InvariantCulture, $"{clients.Count} connected:"));
        foreach (MqttClientStatus client in clients.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"  {client.Id}  from {EndpointText.Format(client.RemoteEndPoint)}, {ProtocolText.Format(client.ProtocolVersion)}, ");
            text.Append(CultureInfo.InvariantCulture, $"connected since {client.ConnectedTimestamp.ToLocalTime():HH:mm:ss}, ");
            // MQTTnet counts from the client's side: "sent" is what the client sent (MqttClientStatistics.HandleReceivedPacket).
            ShortcutCounts shortcuts = _transport.CountsFor(client.Id);
            long sent = client.SentApplicationMessagesCount + shortcuts.Published;
            long received = client.ReceivedApplicationMessagesCount + shortcuts.Delivered;
            text.Append(CultureInfo.InvariantCulture, $"{sent} {(sent == 1 ? "message" : "messages")} sent to the broker, {received} received");
        }

        await DescribeOfflineSessionsAsync(text).ConfigureAwait(false);
        return text.ToString();
    }

    /// <summary>"1 away, its session kept:" and a line per such client with its queue, after the connected ones.</summary>
    private async Task DescribeOfflineSessionsAsync(StringBuilder text)
    {
        IReadOnlyList<OfflineSession> offline = _sessions.Offline;
        if (offline.Count == 0)
        {
            return;
        }

        Dictionary<string, long> queued = (await _broker.Server.GetSessionsAsync().ConfigureAwait(false))
            .ToDictionary(session => session.Id, session => session.PendingApplicationMessagesCount, StringComparer.Ordinal);
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"{offline.Count} offline, {(offline.Count == 1 ? "its session" : "their sessions")} kept:");
        foreach (OfflineSession session in offline)
        {
            long waiting = queued.GetValueOrDefault(session.ClientId);
            string until = session.ExpiresAt is { } expiresAt ? $"kept until {expiresAt.ToLocalTime():yyyy-MM-dd HH:mm}" : "kept with no expiry";
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"  {session.ClientId}  offline since {session.OfflineSince.ToLocalTime():HH:mm:ss}, {waiting} {(waiting == 1 ? "message" : "messages")} queued, {until}");
        }
    }

    private string DescribeSubscriptions(HashSet<string> offline)
    {
        IEnumerable<IGrouping<string, Subscription>> byFilter = _registry.Snapshot.GroupBy(s => s.TopicFilter, StringComparer.Ordinal);
        StringBuilder text = new();
        foreach (IGrouping<string, Subscription> filter in byFilter.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string subscribers = string.Join(", ", filter.Select(s => $"{s.ClientId} (QoS {(int)s.QualityOfService}{(offline.Contains(s.ClientId) ? ", offline: queued" : string.Empty)})"));
            text.AppendLine(CultureInfo.InvariantCulture, $"  '{filter.Key}' → {subscribers}");
        }

        return text.Length == 0 ? "No subscriptions." : "Subscriptions:" + Environment.NewLine + text.ToString().TrimEnd();
    }

    private async Task<string> DescribeRetainedAsync()
    {
        IList<MqttApplicationMessage> messages = await _broker.Server.GetRetainedMessagesAsync().ConfigureAwait(false);
        if (messages.Count == 0)
        {
            return $"No retained messages (stored in {_store.FilePath}).";
        }

        StringBuilder text = new(string.Create(CultureInfo.InvariantCulture, $"{messages.Count} retained (stored in {_store.FilePath}):"));
        foreach (MqttApplicationMessage message in messages.OrderBy(m => m.Topic, StringComparer.Ordinal))
        {
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"  '{message.Topic}' = {PayloadPreview.Format(message.Payload)} (QoS {(int)message.QualityOfServiceLevel})");
        }

        return text.ToString();
    }

    private void Write(string text)
    {
        _output.WriteLine(text);
        _output.Flush();
    }
}
