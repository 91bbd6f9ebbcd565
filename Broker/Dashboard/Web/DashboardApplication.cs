using System.Net;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Dashboard.Access;
using Esp32Mqtt.Broker.Dashboard.Feed;
using Esp32Mqtt.Broker.Dashboard.Publishing;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet.AspNetCore;

namespace Esp32Mqtt.Broker.Dashboard.Web;

/// <summary>
/// Builds the dashboard's web application: Kestrel on the dashboard port, the broker's own services passed in (the one
/// MQTTnet server, the feed, the users), cookie login, antiforgery tokens, and the routes of <see cref="DashboardEndpoints"/>.
/// </summary>
public static class DashboardApplication
{
    private const string CookieName = "esp32mqtt-dashboard";
    private const string AntiforgeryCookieName = "esp32mqtt-antiforgery";
    private const int LoginTriesPerMinute = 10;

    /// <summary>The folder in the data directory that holds the keys of login cookies and antiforgery tokens.</summary>
    public const string KeysFolder = "dashboard-keys";

    // Data only ever reaches the page as text set by its scripts; nothing inline, nothing from another origin.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly TimeSpan s_loginLasts = TimeSpan.FromHours(12);

    /// <summary>Builds the application on the dashboard port, serving from the broker's <paramref name="broker"/> services.</summary>
    public static WebApplication Build(IServiceProvider broker, BrokerOptions options)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (options.BindAddress == BrokerOptions.AllInterfaces)
            {
                // Every interface, IPv6 and IPv4, or IPv4 alone where IPv6 is switched off (Kestrel's AnyIPListenOptions).
                kestrel.ListenAnyIP(options.DashboardPort);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.BindAddress), options.DashboardPort);
            }
        });

        IServiceCollection services = builder.Services;
        services.AddRoutingCore();
        services.AddSingleton<IHostLifetime, InsideBrokerLifetime>();
        services.AddSingleton(broker.GetRequiredService<ILoggerFactory>());
        services.AddSingleton(broker.GetRequiredService<TimeProvider>());
        services.AddSingleton(broker.GetRequiredService<Microsoft.Extensions.Options.IOptions<BrokerOptions>>());
        services.AddSingleton(broker.GetRequiredService<MqttConnectionHandler>());
        services.AddSingleton(broker.GetRequiredService<DashboardAccess>());
        services.AddSingleton(broker.GetRequiredService<FeedStream>());
        services.AddSingleton(broker.GetRequiredService<BrokerInfoSource>());
        services.AddSingleton(broker.GetRequiredService<DashboardPublisher>());
        services.AddSingleton(broker.GetRequiredService<DashboardClosing>());
        services.AddConnections();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);

        // The keys that sign login cookies and antiforgery tokens live in the data folder, unencrypted like the retained
        // messages beside them: a restarted broker keeps people logged in, and nothing is written anywhere else.
        services.AddDataProtection()
            .SetApplicationName(CookieName)
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirectoryFullPath, KeysFolder)));
        services.Configure<KeyManagementOptions>(keys => keys.XmlEncryptor = new NullXmlEncryptor());
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = DashboardEndpoints.AntiforgeryHeader;
            antiforgery.Cookie.Name = AntiforgeryCookieName;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = s_loginLasts;
            cookie.SlidingExpiration = true;

            // The API answers 401 and the page goes to the login itself; a redirect would hand the page HTML for JSON.
            cookie.Events.OnRedirectToLogin = context => Answer(context.Response, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Answer(context.Response, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(DashboardEndpoints.LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = LoginTriesPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });

        WebApplication app = builder.Build();
        app.Use(AddSecurityHeaders);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = DashboardAssets.Files,
            RequestPath = "/assets",

            // Revalidated on every load (the ETag makes that cheap), so a page never runs scripts of an older broker.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        DashboardEndpoints.Map(app, broker.GetRequiredService<DashboardAccess>(), options);
        return app;
    }

    private static Task AddSecurityHeaders(HttpContext context, RequestDelegate next)
    {
        IHeaderDictionary headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }

    private static Task Answer(HttpResponse response, int statusCode)
    {
        response.StatusCode = statusCode;
        return Task.CompletedTask;
    }
}
