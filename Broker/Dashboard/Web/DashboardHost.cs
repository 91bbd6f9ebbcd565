using System.Net;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Dashboard.Access;
using Esp32Mqtt.Broker.Dashboard.Feed;
using Esp32Mqtt.Broker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MQTTnet;

namespace Esp32Mqtt.Broker.Dashboard.Web;

/// <summary>
/// Runs the dashboard's web server inside the broker's host. It starts after the MQTT server (MQTT over WebSockets needs
/// MQTTnet's server running), and a port in use stops the broker with one line, before the banner. It stops in two steps:
/// the pages' feeds end when the broker begins to stop, and the web server closes once the broker has disconnected its
/// clients, WebSocket ones included. Switched off (Broker:DashboardEnabled false), it opens nothing.
/// </summary>
public sealed class DashboardHost : IHostedLifecycleService, IBannerSection, IAsyncDisposable
{
    private readonly BrokerOptions _options;
    private readonly IServiceProvider _services;
    private readonly DashboardFeed _feed;
    private readonly DashboardAccess _access;
    private readonly DashboardClosing _closing;
    private readonly TimeProvider _timeProvider;
    private WebApplication? _app;

    /// <summary>Creates the host; <paramref name="services"/> are the broker's, looked up when it starts.</summary>
    public DashboardHost(IOptions<BrokerOptions> options, IServiceProvider services, DashboardFeed feed, DashboardAccess access, DashboardClosing closing, TimeProvider timeProvider)
    {
        _options = options.Value;
        _services = services;
        _feed = feed;
        _access = access;
        _closing = closing;
        _timeProvider = timeProvider;
    }

    /// <summary>The address and real port listened on, once started; null while not listening.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.DashboardEnabled)
        {
            return;
        }

        // The boards' status and LED come from retained messages: those loaded at start raise no change event.
        BrokerServer broker = _services.GetRequiredService<BrokerServer>();
        foreach (MqttApplicationMessage retained in await broker.Server.GetRetainedMessagesAsync().ConfigureAwait(false))
        {
            _feed.Boards.Apply(retained.Topic, retained.Payload, _timeProvider.GetUtcNow());
        }

        WebApplication app = DashboardApplication.Build(_services, _options);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (DashboardListenFailure.Explain(exception, _options.DashboardPort) is { } line)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new BrokerStartupException(line, exception);
        }

        _app = app;
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        LocalEndPoint = IPEndPoint.Parse(new Uri(address).Authority);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _closing.Close();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
            LocalEndPoint = null;
        }
    }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Lines(IReadOnlyList<LanAddress> lanAddresses)
    {
        if (!_options.DashboardEnabled)
        {
            return [DashboardBanner.OffLine];
        }

        return LocalEndPoint is null ? [] : DashboardBanner.Lines(LocalEndPoint, lanAddresses, _access.LoginRequired);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
