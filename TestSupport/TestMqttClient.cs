using System.Text;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Esp32Mqtt.TestSupport;

/// <summary>An MQTTnet client on loopback that queues what it receives, so a test can wait for the next message.</summary>
public sealed class TestMqttClient : IAsyncDisposable
{
    private readonly Channel<ReceivedMessage> _received = Channel.CreateUnbounded<ReceivedMessage>();

    private TestMqttClient(IMqttClient client)
    {
        Client = client;
        client.ApplicationMessageReceivedAsync += eventArgs =>
        {
            MqttApplicationMessage message = eventArgs.ApplicationMessage;
            _received.Writer.TryWrite(new ReceivedMessage(message.Topic, Encoding.UTF8.GetString(message.Payload), message.Retain));
            return Task.CompletedTask;
        };
    }

    /// <summary>The MQTTnet client.</summary>
    public IMqttClient Client { get; }

    /// <summary>Connects and fails the test unless the broker accepts.</summary>
    public static Task<TestMqttClient> ConnectAsync(int port, string clientId, MqttProtocolVersion version = MqttProtocolVersion.V311, Action<MqttClientOptionsBuilder>? configure = null)
    {
        return AcceptedAsync(TryConnectAsync(port, clientId, version, configure), clientId);
    }

    /// <summary>Connects over MQTT over WebSockets to <paramref name="uri"/> and fails the test unless the broker accepts.</summary>
    public static Task<TestMqttClient> ConnectOverWebSocketAsync(Uri uri, string clientId, MqttProtocolVersion version = MqttProtocolVersion.V311, Action<MqttClientOptionsBuilder>? configure = null)
    {
        return AcceptedAsync(TryConnectOverWebSocketAsync(uri, clientId, version, configure), clientId);
    }

    /// <summary>Connects over loopback TCP and returns the broker's answer, accepted or not.</summary>
    public static Task<(TestMqttClient Client, MqttClientConnectResult Result)> TryConnectAsync(int port, string clientId, MqttProtocolVersion version = MqttProtocolVersion.V311, Action<MqttClientOptionsBuilder>? configure = null)
    {
        return TryConnectAsync(options => options.WithTcpServer("127.0.0.1", port), clientId, version, configure);
    }

    /// <summary>
    /// Connects over MQTT over WebSockets to <paramref name="uri"/> (such as <c>ws://127.0.0.1:8080/mqtt</c>) and returns
    /// the broker's answer. MQTTnet's options builder uses TCP whenever TCP options were given, so none are here.
    /// </summary>
    public static Task<(TestMqttClient Client, MqttClientConnectResult Result)> TryConnectOverWebSocketAsync(Uri uri, string clientId, MqttProtocolVersion version = MqttProtocolVersion.V311, Action<MqttClientOptionsBuilder>? configure = null)
    {
        return TryConnectAsync(options => options.WithWebSocketServer(webSocket => webSocket.WithUri(uri.ToString())), clientId, version, configure);
    }

    private static async Task<TestMqttClient> AcceptedAsync(Task<(TestMqttClient Client, MqttClientConnectResult Result)> connecting, string clientId)
    {
        (TestMqttClient client, MqttClientConnectResult result) = await connecting.ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"The broker refused {clientId}: {result.ResultCode}");
        }

        return client;
    }

    private static async Task<(TestMqttClient Client, MqttClientConnectResult Result)> TryConnectAsync(Action<MqttClientOptionsBuilder> channel, string clientId, MqttProtocolVersion version, Action<MqttClientOptionsBuilder>? configure)
    {
        MqttClientOptionsBuilder options = new MqttClientOptionsBuilder()
            .WithClientId(clientId)
            .WithProtocolVersion(version)
            .WithTimeout(TestTimeouts.Short);
        channel(options);
        configure?.Invoke(options);
        TestMqttClient client = new(new MqttClientFactory().CreateMqttClient());
        using CancellationTokenSource timeout = new(TestTimeouts.Short);
        MqttClientConnectResult result = await client.Client.ConnectAsync(options.Build(), timeout.Token).ConfigureAwait(false);
        return (client, result);
    }

    /// <summary>Subscribes to one filter and waits for the SUBACK.</summary>
    public async Task SubscribeAsync(string topicFilter, MqttQualityOfServiceLevel qualityOfService = MqttQualityOfServiceLevel.AtMostOnce, bool noLocal = false)
    {
        using CancellationTokenSource timeout = new(TestTimeouts.Short);
        await Client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter => filter.WithTopic(topicFilter).WithQualityOfServiceLevel(qualityOfService).WithNoLocal(noLocal)).Build(),
            timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Publishes; with QoS 1 this returns after the broker's PUBACK.</summary>
    public async Task<MqttClientPublishResult> PublishAsync(string topic, string payload, MqttQualityOfServiceLevel qualityOfService = MqttQualityOfServiceLevel.AtMostOnce, bool retain = false)
    {
        using CancellationTokenSource timeout = new(TestTimeouts.Short);
        return await Client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qualityOfService).WithRetainFlag(retain).Build(),
            timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Waits for the next received message.</summary>
    public async Task<ReceivedMessage> WaitForMessageAsync(TimeSpan? timeout = null)
    {
        using CancellationTokenSource cancellation = new(timeout ?? TestTimeouts.Short);
        try
        {
            return await _received.Reader.ReadAsync(cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception)
        {
            throw new TimeoutException($"No message arrived within {(timeout ?? TestTimeouts.Short).TotalSeconds:0.#} s.", exception);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Client.IsConnected)
            {
                using CancellationTokenSource timeout = new(TestTimeouts.Short);
                await Client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            // The broker may already have gone; the test is over either way.
        }

        Client.Dispose();
    }
}
