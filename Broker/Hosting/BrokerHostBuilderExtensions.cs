using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.ConsoleCommands;
using Esp32Mqtt.Broker.ConsoleLog;
using Esp32Mqtt.Broker.Discovery;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.Broker.Retained;
using Esp32Mqtt.Broker.Security;
using Esp32Mqtt.Broker.Sessions;
using Esp32Mqtt.Broker.Subscriptions;
using Esp32Mqtt.Broker.Tls;
using Esp32Mqtt.Broker.Transport;
using Esp32Mqtt.Broker.Wills;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Hosting;

/// <summary>Registers the broker on a host builder; Program.cs and the in-process test host share it.</summary>
public static class BrokerHostBuilderExtensions
{
    /// <summary>Binds and validates <see cref="BrokerOptions"/> and registers every broker service.</summary>
    public static HostApplicationBuilder AddBroker(this HostApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        services.AddOptions<BrokerOptions>()
            .Bind(builder.Configuration.GetSection(BrokerOptions.SectionName), binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BrokerOptions>, BrokerOptionsValidator>();
        services.AddSingleton<IValidateOptions<BrokerOptions>, TlsOptionsValidator>();
        services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);

        // The host reports its own start-up failure with a stack trace; Program.cs prints one clear line instead.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => BrokerConsole.Standard);
        services.AddSingleton<MqttNetLogBridge>();
        services.AddSingleton<IMqttNetLogger>(provider => provider.GetRequiredService<MqttNetLogBridge>());
        services.AddSingleton(CreateTransport);

        // TLS beside the transport's plain port: another listener of the MQTT server, whose connections the transport
        // serves once their handshake is done; its line comes first among the banner's sections.
        services.AddSingleton<TlsListener>();
        services.AddSingleton<IMqttServerAdapter>(provider => provider.GetRequiredService<TlsListener>());
        services.AddSingleton<IBannerSection>(provider => provider.GetRequiredService<TlsListener>());
        services.AddSingleton<SubscriptionRegistry>();
        services.AddSingleton<SessionTable>();
        services.AddSingleton<SessionExpiry>();
        services.AddSingleton<ConnectionAuthenticator>();
        services.AddSingleton<ConnectionValidator>();
        services.AddSingleton<RetainedMessageStore>();
        services.AddSingleton<RetainedStoreWriter>();
        services.AddSingleton<RetainedMessagePersistence>();
        services.AddSingleton<WillPublisher>();

        // The broker's traffic, raised once and shown by each listener: the console log lines, and the memory trim.
        services.AddSingleton<TrafficEvents>();
        services.AddSingleton<ITrafficListener, ConnectionLog>();
        services.AddSingleton<ITrafficListener, SubscriptionLog>();
        services.AddSingleton<ITrafficListener, MessageLog>();
        services.AddSingleton<ITrafficListener, MemoryTrim>();

        services.AddSingleton<BrokerServer>();
        services.AddHostedService(provider => provider.GetRequiredService<BrokerServer>());

        // After the server, whose real port it advertises; it stops first, saying goodbye while the broker still runs.
        services.AddSingleton<MdnsResponder>();
        services.AddHostedService(provider => provider.GetRequiredService<MdnsResponder>());
        services.AddSingleton<ConsoleCommandExecutor>();
        services.AddHostedService<ConsoleCommandService>();
        return builder;
    }

    /// <summary>Logs to the console only, one short line per entry (<see cref="BrokerConsoleFormatter"/>).</summary>
    public static ILoggingBuilder AddBrokerConsole(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole(console => console.FormatterName = BrokerConsoleFormatter.FormatterName);
        logging.AddConsoleFormatter<BrokerConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        return logging;
    }

    private static IBrokerTransport CreateTransport(IServiceProvider provider)
    {
        BrokerOptions options = provider.GetRequiredService<IOptions<BrokerOptions>>().Value;
        TransportSettings settings = new()
        {
            BindAddress = options.BindAddress,
            Port = options.Port,
            MaxPayloadBytes = options.MaxPayloadBytes,
            MaxPacketBytes = options.MaxPacketBytes,
            ConnectTimeoutSeconds = options.ConnectTimeoutSeconds,
            MaxPendingMessagesPerClient = options.MaxPendingMessagesPerClient,
            AssignClientId = ClientIdentifiers.Create,

            // Looked up when the first problem comes: the traffic events need the transport themselves.
            ReportProblem = problem => provider.GetRequiredService<TrafficEvents>().Report(problem),
        };
        return BrokerTransports.Create(options.Transport, settings, provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<TimeProvider>());
    }
}
