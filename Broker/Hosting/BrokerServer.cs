using System.Net;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.ConsoleCommands;
using Esp32Mqtt.Broker.Observation;
using Esp32Mqtt.Broker.Retained;
using Esp32Mqtt.Broker.Tls;
using Esp32Mqtt.Broker.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Hosting;

/// <summary>Owns the MQTTnet server: attaches the observers, starts it, prints the banner, and stops it cleanly.</summary>
public sealed partial class BrokerServer : IHostedService, IDisposable
{
    private readonly BrokerOptions _options;
    private readonly GuardedTcpServerAdapter _adapter;
    private readonly TlsListener _tls;
    private readonly IEnumerable<IMqttServerObserver> _observers;
    private readonly RetainedMessageStore _store;
    private readonly RetainedStoreWriter _storeWriter;
    private readonly BrokerConsole _console;
    private readonly ILogger _logger;

    /// <summary>Creates the (not yet started) MQTTnet server with the broker's options.</summary>
    public BrokerServer(
        IOptions<BrokerOptions> options,
        GuardedTcpServerAdapter adapter,
        TlsListener tls,
        MqttNetLogBridge mqttNetLogger,
        IEnumerable<IMqttServerObserver> observers,
        RetainedMessageStore store,
        RetainedStoreWriter storeWriter,
        BrokerConsole console,
        ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _adapter = adapter;
        _tls = tls;
        _observers = observers;
        _store = store;
        _storeWriter = storeWriter;
        _console = console;
        _logger = loggerFactory.CreateLogger(LogCategories.Broker);
        MqttServerOptions serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultCommunicationTimeout(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds))
            .WithMaxPendingMessagesPerClient(_options.MaxPendingMessagesPerClient)
            .Build();

        // KeepAliveMonitor checks keep-alives instead: MQTTnet's monitor does not see the publishes routed inline. Its
        // thread then makes one pass at start and sleeps for good (a background thread: it does not hold up the exit).
        serverOptions.KeepAliveOptions.MonitorInterval = Timeout.InfiniteTimeSpan;
        Server = new MqttServerFactory(mqttNetLogger).CreateMqttServer(serverOptions, [adapter]);
    }

    /// <summary>The MQTTnet server, for the console commands.</summary>
    public MqttServer Server { get; }

    /// <summary>The address and real port listened on, once started.</summary>
    public IPEndPoint? LocalEndPoint => _adapter.LocalEndPoint;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (IMqttServerObserver observer in _observers)
        {
            observer.Attach(Server);
        }

        // The TLS certificate is checked and its port taken before the plain port opens; TLS connections are taken once
        // the server serves clients.
        _tls.Open();
        await Server.StartAsync().ConfigureAwait(false);
        _tls.StartAccepting();
        IList<MQTTnet.MqttApplicationMessage> retained = await Server.GetRetainedMessagesAsync().ConfigureAwait(false);
        BannerWriter.Write(_console.Output, new BannerFacts(
            LocalEndPoint!,
            LanAddressFinder.Find(),
            _options.AnonymousClientsAllowed,
            _options.Users.Count,
            _store.FilePath,
            retained.Count,
            typeof(MqttServer).Assembly.GetName().Version?.ToString(3) ?? "5",
            _tls.LocalEndPoint is { } tlsEndPoint ? new TlsBannerFacts(tlsEndPoint, _tls.Setup.AuthorityCertificateFile, _tls.Setup.CertificateFile) : null));
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop taking new connections first, then disconnect every client (MQTT 5 clients get "server shutting down"),
        // then wait for the retained messages written behind (QoS 0 ones, and the wills the disconnects published).
        _adapter.StopAccepting();
        _tls.StopAccepting();
        await Server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
        await _storeWriter.FlushAsync().ConfigureAwait(false);
        LogStopped(_logger);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Server.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "broker stopped")]
    private static partial void LogStopped(ILogger logger);
}
