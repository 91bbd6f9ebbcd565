using System.Text;
using Esp32Mqtt.TestSupport;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>
/// An observer on the broker that records every message on a filter (<c>esp32/#</c> by default), so a test can wait
/// for a message that may have arrived before it started waiting, and check what did not arrive.
/// </summary>
public sealed class TopicWatcher : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<ReceivedMessage> _messages = [];
    private readonly IMqttClient _client;

    private TopicWatcher(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += eventArgs =>
        {
            MqttApplicationMessage message = eventArgs.ApplicationMessage;
            lock (_gate)
            {
                _messages.Add(new ReceivedMessage(message.Topic, Encoding.UTF8.GetString(message.Payload), message.Retain));
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>Everything received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>
    /// Connects to a loopback broker over MQTT 3.1.1, as the board does (RabbitMQ 3.10 speaks no MQTT 5), and subscribes
    /// to <paramref name="filters"/>, or <c>esp32/#</c> when none are given.
    /// RabbitMQ sends retained messages only to subscriptions without wildcards: a test that waits for a message
    /// published before the watcher started names its topic.
    /// </summary>
    public static async Task<TopicWatcher> StartAsync(int port, params string[] filters)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        TopicWatcher watcher = new(client);
        using CancellationTokenSource timeout = new(TestTimeouts.Short);
        MqttClientOptions options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("watcher-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .Build();
        await client.ConnectAsync(options, timeout.Token).ConfigureAwait(false);
        MqttClientSubscribeOptionsBuilder subscription = new();
        foreach (string filter in filters.Length == 0 ? ["esp32/#"] : filters)
        {
            subscription.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await client.SubscribeAsync(subscription.Build(), timeout.Token).ConfigureAwait(false);
        return watcher;
    }

    /// <summary>Payloads received on <paramref name="topic"/>, oldest first.</summary>
    public IReadOnlyList<string> PayloadsOn(string topic)
    {
        return Messages.Where(message => message.Topic == topic).Select(message => message.Payload).ToList();
    }

    /// <summary>Waits until a message with <paramref name="payload"/> has arrived on <paramref name="topic"/> after <paramref name="since"/> messages.</summary>
    public async Task<ReceivedMessage> WaitForAsync(string topic, string payload, int since = 0)
    {
        ReceivedMessage? found = null;
        try
        {
            await Eventually.UntilAsync(
                () =>
                {
                    found = Messages.Skip(since).FirstOrDefault(message => message.Topic == topic && message.Payload == payload);
                    return found is not null;
                },
                TestTimeouts.Process,
                $"'{payload}' on {topic}").ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message} Received: {string.Join(" | ", Messages.Select(message => message.Topic + " " + message.Payload))}", exception);
        }

        return found!;
    }

    /// <summary>Waits until any message has arrived on <paramref name="topic"/>, and returns the first.</summary>
    public async Task<ReceivedMessage> WaitForTopicAsync(string topic)
    {
        ReceivedMessage? found = null;
        await Eventually.UntilAsync(
            () =>
            {
                found = Messages.FirstOrDefault(message => message.Topic == topic);
                return found is not null;
            },
            TestTimeouts.Process,
            $"a message on {topic}").ConfigureAwait(false);
        return found!;
    }

    /// <summary>Publishes through the watcher's own connection (QoS 1, so the broker has it when this returns).</summary>
    public async Task PublishAsync(string topic, byte[] payload)
    {
        using CancellationTokenSource timeout = new(TestTimeouts.Short);
        await _client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Publishes a retained text message (QoS 1).</summary>
    public async Task PublishRetainedAsync(string topic, string payload)
    {
        using CancellationTokenSource timeout = new(TestTimeouts.Short);
        await _client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(true).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            timeout.Token).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            using CancellationTokenSource timeout = new(TestTimeouts.Short);
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException or MQTTnet.Exceptions.MqttClientNotConnectedException)
        {
            // The broker may be gone already.
        }

        _client.Dispose();
    }
}
