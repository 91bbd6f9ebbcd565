using System.Net;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.ConsoleCommands;
using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.Broker.Discovery;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.Broker.Retained;
using Esp32Mqtt.Broker.Security;
using Esp32Mqtt.Broker.Sessions;
using Esp32Mqtt.Broker.Tls;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.Broker.Wills;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Adapter;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Hosting;

/// <summary>
/// Owns the MQTTnet server: makes it with the broker's options and the configured transport, hooks the broker's parts
/// onto its events, starts it, prints the banner once every hosted service has started, and stops it cleanly.
/// </summary>
public sealed partial class BrokerServer : IHostedLifecycleService, IDisposable
{
    /// <summary>How long stopping waits for the connections to end before it writes the retained messages anyway.</summary>
    private static readonly TimeSpan s_connectionsEndLimit = TimeSpan.FromSeconds(5);

    private readonly BrokerOptions _options;
    private readonly IBrokerTransport _transport;
    private readonly TlsListener _tls;
    private readonly ConnectionValidator _validator;
    private readonly RetainedMessagePersistence _persistence;
    private readonly TrafficEvents _events;
    private readonly WillPublisher _wills;
    private readonly SessionExpiry _sessionExpiry;
    private readonly RetainedMessageStore _store;
    private readonly RetainedStoreWriter _storeWriter;
    private readonly BrokerConsole _console;
    private readonly IReadOnlyList<IBannerSection> _bannerSections;
    private readonly ILogger _logger;

    /// <summary>Creates the (not yet started) MQTTnet server with the broker's options and listeners.</summary>
    public BrokerServer(
        IOptions<BrokerOptions> options,
        IBrokerTransport transport,
        IEnumerable<IMqttServerAdapter> moreListeners,
        TlsListener tls,
        MqttNetLogBridge mqttNetLogger,
        ConnectionValidator validator,
        RetainedMessagePersistence persistence,
        TrafficEvents events,
        WillPublisher wills,
        SessionExpiry sessionExpiry,
        RetainedMessageStore store,
        RetainedStoreWriter storeWriter,
        BrokerConsole console,
        IEnumerable<IBannerSection> bannerSections,
        ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _transport = transport;
        _tls = tls;
        _validator = validator;
        _persistence = persistence;
        _events = events;
        _wills = wills;
        _sessionExpiry = sessionExpiry;
        _store = store;
        _storeWriter = storeWriter;
        _console = console;
        _bannerSections = [.. bannerSections];
        _logger = loggerFactory.CreateLogger(LogCategories.Broker);
        // Persistent sessions: MQTT 3.1.1 clients with clean session off and MQTT 5 clients with a session expiry
        // interval keep their subscriptions and queued QoS 1 and 2 messages while away (SessionExpiry ends them).
        MqttServerOptions serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultCommunicationTimeout(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds))
            .WithMaxPendingMessagesPerClient(_options.MaxPendingMessagesPerClient)
            .WithPersistentSessions()
            .Build();
        if (transport.SupervisesKeepAlive)
        {
            // MQTTnet's monitor would not see the packets the transport handles itself. Its thread then makes one pass
            // at start and sleeps for good (a background thread: it does not hold up the exit).
            serverOptions.KeepAliveOptions.MonitorInterval = Timeout.InfiniteTimeSpan;
        }

        // The transport serves plain TCP; other listeners registered as IMqttServerAdapter serve the same clients.
        Server = new MqttServerFactory(mqttNetLogger).CreateMqttServer(serverOptions, [transport.Adapter, .. moreListeners]);
    }

    /// <summary>The MQTTnet server, for the console commands.</summary>
    public MqttServer Server { get; }

    /// <summary>The address and real port listened on, once started.</summary>
    public IPEndPoint? LocalEndPoint => _transport.LocalEndPoint;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Each part hooks onto events of its own; none relies on running before or after another.
        _transport.Attach(Server);
        _validator.Attach(Server);
        _persistence.Attach(Server);
        _events.Attach(Server);
        _wills.Attach(Server);
        _sessionExpiry.Attach(Server);

        await Server.StartAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Prints the banner once every hosted service has started: the listeners started after this one (the dashboard) know
    /// their real ports only then, and a listener that fails to start stops the broker before any banner is shown.
    /// </summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        IList<MQTTnet.MqttApplicationMessage> retained = await Server.GetRetainedMessagesAsync().ConfigureAwait(false);
        IReadOnlyList<LanAddress> lanAddresses = LanAddressFinder.Find();
        BannerWriter.Write(_console.Output, new BannerFacts(
            LocalEndPoint!,
            lanAddresses,
            _options.AnonymousClientsAllowed,
            _options.Users.Count,
            _store.FilePath,
            retained.Count,
            typeof(MqttServer).Assembly.GetName().Version?.ToString(3) ?? "5",
            _options.Transport,
            ServiceAdvertisement.For(_options, LocalEndPoint!, Environment.MachineName, MdnsResponder.BrokerVersion)?.Name,
            OperatingSystem.IsWindows() ? Environment.ProcessPath : null,
            [.. _bannerSections.SelectMany(section => section.Lines(lanAddresses))]));
    }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop taking new connections first (plain and TLS), then disconnect every client (MQTT 5 clients get "server shutting down"),
        // wait until MQTTnet has finished with each (it dispatches a lost client's will as its connection ends, after
        // StopAsync has returned: MqttConnectedClient.RunAsync), then for the retained messages written behind (QoS 0
        // ones, and those wills).
        _transport.StopAccepting();
        await _tls.StopAsync().ConfigureAwait(false);
        await Server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
        try
        {
            await _transport.WhenAllConnectionsEndedAsync().WaitAsync(s_connectionsEndLimit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // A connection stuck closing does not keep what the others left from being written.
        }

        await _storeWriter.FlushAsync().ConfigureAwait(false);
        LogStopped(_logger);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Server.Dispose();
        _transport.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "broker stopped")]
    private static partial void LogStopped(ILogger logger);
}
