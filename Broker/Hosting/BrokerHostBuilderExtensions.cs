using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.ConsoleCommands;
using Esp32Mqtt.Broker.Observation;
using Esp32Mqtt.Broker.Retained;
using Esp32Mqtt.Broker.Security;
using Esp32Mqtt.Broker.Tls;
using Esp32Mqtt.Broker.Traffic;
using Esp32Mqtt.Broker.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Diagnostics.Logger;

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
        services.AddSingleton<ConnectionProblemLog>();
        services.AddSingleton<ConnectionDirectory>();
        services.AddSingleton<DeliveryFlowControl>();
        services.AddSingleton<ClientConnections>();
        services.AddSingleton<DirectDelivery>();
        services.AddSingleton<InlinePublishing>();
        services.AddSingleton<RetainedRoutingGate>();
        services.AddSingleton<GuardedTcpServerAdapter>();
        services.AddSingleton<TlsListener>();
        services.AddSingleton<SubscriptionRegistry>();
        services.AddSingleton<ConnectionAuthenticator>();
        services.AddSingleton<RetainedMessageStore>();
        services.AddSingleton<RetainedStoreWriter>();

        // Attached in this order: credentials first, then the store, then the lines people read.
        services.AddSingleton<IMqttServerObserver, ConnectionValidator>();
        services.AddSingleton<IMqttServerObserver, RetainedMessagePersistence>();
        services.AddSingleton<IMqttServerObserver, SubscriptionObserver>();
        services.AddSingleton<IMqttServerObserver, ConnectionObserver>();
        services.AddSingleton<MessageObserver>();
        services.AddSingleton<IMqttServerObserver>(provider => provider.GetRequiredService<MessageObserver>());
        services.AddSingleton<IMqttServerObserver>(provider => provider.GetRequiredService<DeliveryFlowControl>());
        services.AddSingleton<IMqttServerObserver>(provider => provider.GetRequiredService<ClientConnections>());
        services.AddSingleton<IMqttServerObserver>(provider => provider.GetRequiredService<DirectDelivery>());
        services.AddSingleton<IMqttServerObserver>(provider => provider.GetRequiredService<InlinePublishing>());
        services.AddSingleton<IMqttServerObserver, MemoryTrim>();
        services.AddSingleton<IMqttServerObserver, KeepAliveMonitor>();

        services.AddSingleton<BrokerServer>();
        services.AddHostedService(provider => provider.GetRequiredService<BrokerServer>());
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
}
