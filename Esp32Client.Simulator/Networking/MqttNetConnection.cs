using System.Buffers;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Esp32Client.Core;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Esp32Client.Simulator.Networking;

/// <summary>
/// The simulator's <see cref="IMqttConnection"/> over MQTTnet's client, behaving as the board's M2Mqtt adapter does:
/// MQTT 3.1.1, clean session, retained QoS 1 will, QoS 0 publishes, QoS 1 subscriptions. Subscribe, unsubscribe and
/// publish are queued and sent in order by one sender task, so the firmware core can call them from inside a message
/// handler without waiting on the client's receive loop; the queue is bounded, like the board's in-flight queue.
/// </summary>
public sealed class MqttNetConnection : IMqttConnection, IDisposable
{
    /// <summary>How long a connection attempt may take (M2Mqtt's own timeout is 30 s; a PC is quicker to give up).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Most operations waiting to be sent; beyond this a publish is refused, as on the board.</summary>
    public const int QueueCapacity = 64;

    private readonly string _host;
    private readonly int _port;
    private readonly string _userName;
    private readonly string _password;
    private readonly ILog _log;
    private readonly BrokerCertificateCheck? _tls;
    private readonly IMqttClient _client;
    private readonly Channel<Func<CancellationToken, Task>> _outbound;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Task _sender;
    private volatile bool _disconnectRequested;

    /// <summary>
    /// Creates a disconnected connection to <paramref name="host"/>:<paramref name="port"/>, over TLS when
    /// <paramref name="tls"/> is given (it checks the broker's certificate).
    /// </summary>
    public MqttNetConnection(string host, int port, string userName, string password, ILog log, BrokerCertificateCheck? tls = null)
    {
        _host = host;
        _port = port;
        _userName = userName;
        _password = password;
        _log = log;
        _tls = tls;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnApplicationMessageReceived;
        _client.DisconnectedAsync += OnDisconnected;
        _outbound = Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _sender = Task.Run(SendQueuedAsync);
    }

    public event MqttMessageHandler? MessageReceived;

    public event MqttConnectionLostHandler? ConnectionLost;

    public bool IsConnected => _client.IsConnected;

    public MqttConnectResult Connect(MqttConnectRequest request)
    {
        _disconnectRequested = false;
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(_host, _port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(request.ClientId)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(request.KeepAliveSeconds))
            .WithTimeout(ConnectTimeout)
            .WithWillTopic(request.WillTopic)
            .WithWillPayload(request.WillMessage)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (request.UserName.Length > 0)
        {
            options.WithCredentials(request.UserName, request.Password);
        }

        if (_tls is not null)
        {
            options.WithTlsOptions(BuildTlsOptions(_tls));
            _tls.Forget();
        }

        try
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
            attempt.CancelAfter(ConnectTimeout);
            MqttClientConnectResult result = _client.ConnectAsync(options.Build(), attempt.Token).GetAwaiter().GetResult();
            return result.ResultCode == MqttClientConnectResultCode.Success
                ? MqttConnectResult.Connected()
                : MqttConnectResult.Refused(ConnectFailure.DescribeRefusal(result.ResultCode, result.ReasonString));
        }
        catch (Exception exception)
        {
            return MqttConnectResult.Unreachable(_tls?.LastRefusal ?? ConnectFailure.Describe(exception, _host, _port, ConnectTimeout, tls: _tls is not null));
        }
    }

    public bool Subscribe(string[] topics)
    {
        MqttClientSubscribeOptionsBuilder builder = new MqttClientFactory().CreateSubscribeOptionsBuilder();
        foreach (string topic in topics)
        {
            builder.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        MqttClientSubscribeOptions options = builder.Build();
        return Enqueue(token => _client.SubscribeAsync(options, token));
    }

    public bool Unsubscribe(string[] topics)
    {
        MqttClientUnsubscribeOptionsBuilder builder = new MqttClientFactory().CreateUnsubscribeOptionsBuilder();
        foreach (string topic in topics)
        {
            builder.WithTopicFilter(topic);
        }

        MqttClientUnsubscribeOptions options = builder.Build();
        return Enqueue(token => _client.UnsubscribeAsync(options, token));
    }

    public bool Publish(string topic, byte[] payload, bool retain)
    {
        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .Build();
        return Enqueue(token => _client.PublishAsync(message, token));
    }

    public void Disconnect()
    {
        _disconnectRequested = true;

        // Queued behind the publishes already waiting (e.g. 'offline'), so they go out before the DISCONNECT.
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool queued = Enqueue(async token =>
        {
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), token);
            }
            finally
            {
                sent.TrySetResult();
            }
        });
        if (queued && !sent.Task.Wait(ConnectTimeout))
        {
            _log.Write("The broker did not take the DISCONNECT in time; closing anyway.");
        }
    }

    public void Dispose()
    {
        _lifetime.Cancel();
        _outbound.Writer.TryComplete();
        _sender.Wait(ConnectTimeout);
        _client.Dispose();
        _lifetime.Dispose();
    }

    /// <summary>
    /// TLS 1.2 or 1.3, as the board's M2Mqtt is set up (MqttSslProtocols.TLSv1_2), with the broker's certificate checked by
    /// <paramref name="check"/> against its authorities. No revocation check: the board makes none, and a local
    /// authority publishes no revocation list to check.
    /// </summary>
    private static MqttClientTlsOptions BuildTlsOptions(BrokerCertificateCheck check)
    {
        MqttClientTlsOptionsBuilder tls = new MqttClientTlsOptionsBuilder()
            .UseTls()
            .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
            .WithRevocationMode(X509RevocationMode.NoCheck)
            .WithCertificateValidationHandler(check.Validate);
        if (check.Authorities is { } authorities)
        {
            tls.WithTrustChain(authorities);
        }

        return tls.Build();
    }

    /// <summary>Queues an operation while connected; false (nothing queued) when disconnected or the queue is full.</summary>
    private bool Enqueue(Func<CancellationToken, Task> operation)
    {
        return _client.IsConnected && _outbound.Writer.TryWrite(operation);
    }

    private async Task SendQueuedAsync()
    {
        try
        {
            await foreach (Func<CancellationToken, Task> operation in _outbound.Reader.ReadAllAsync(_lifetime.Token))
            {
                try
                {
                    await operation(_lifetime.Token);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    _log.Write("Could not send to the broker: " + exception.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private Task OnApplicationMessageReceived(MqttApplicationMessageReceivedEventArgs e)
    {
        try
        {
            MessageReceived?.Invoke(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
        }
        catch (Exception exception)
        {
            // As on the board: a failing handler must not take the connection down.
            _log.Write("Handling a message on " + e.ApplicationMessage.Topic + " failed: " + exception.Message);
        }

        return Task.CompletedTask;
    }

    private Task OnDisconnected(MqttClientDisconnectedEventArgs e)
    {
        if (e.ClientWasConnected && !_disconnectRequested)
        {
            ConnectionLost?.Invoke();
        }

        return Task.CompletedTask;
    }
}
