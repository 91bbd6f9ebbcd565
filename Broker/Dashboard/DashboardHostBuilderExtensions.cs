using Esp32Mqtt.Broker.Dashboard.Access;
using Esp32Mqtt.Broker.Dashboard.Feed;
using Esp32Mqtt.Broker.Dashboard.Publishing;
using Esp32Mqtt.Broker.Dashboard.Web;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.Broker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet.AspNetCore;

namespace Esp32Mqtt.Broker.Dashboard;

/// <summary>Adds the web dashboard and MQTT over WebSockets to a broker host (after <see cref="BrokerHostBuilderExtensions.AddBroker"/>).</summary>
public static class DashboardHostBuilderExtensions
{
    /// <summary>Registers the dashboard: its listener on the traffic, its web server, and <c>/mqtt</c> as one more MQTT listener.</summary>
    public static HostApplicationBuilder AddDashboard(this HostApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;

        // MQTT over WebSockets: MQTTnet.AspNetCore's connection handler, one more listener of the broker's one MqttServer
        // (BrokerServer serves every IMqttServerAdapter), so WebSocket clients meet the same users and rules as TCP ones.
        services.AddMqttConnectionHandler();

        services.AddSingleton<DashboardFeed>();
        services.AddSingleton<ITrafficListener>(provider => provider.GetRequiredService<DashboardFeed>());
        services.AddSingleton<BrokerSnapshots>();
        services.AddSingleton<FeedStream>();
        services.AddSingleton<BrokerInfoSource>();
        services.AddSingleton<DashboardPublisher>();
        services.AddSingleton<DashboardAccess>();
        services.AddSingleton<DashboardClosing>();
        services.AddSingleton<DashboardHost>();
        services.AddHostedService(provider => provider.GetRequiredService<DashboardHost>());
        services.AddSingleton<IBannerSection>(provider => provider.GetRequiredService<DashboardHost>());

        // Kestrel reports a port it cannot open as a critical error with a stack trace; the broker prints one line
        // instead (DashboardListenFailure). Its warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", level => level is >= LogLevel.Warning and < LogLevel.Critical);
        return builder;
    }
}
