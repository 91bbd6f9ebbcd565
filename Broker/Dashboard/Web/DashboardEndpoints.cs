using System.Security.Claims;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Dashboard.Access;
using Esp32Mqtt.Broker.Dashboard.Feed;
using Esp32Mqtt.Broker.Dashboard.Publishing;
using Esp32Mqtt.Broker.Subscriptions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using MQTTnet.AspNetCore;

namespace Esp32Mqtt.Broker.Dashboard.Web;

/// <summary>
/// The dashboard's routes: the two pages, the session and login, the feed, publishing, clearing retained messages, and
/// MQTT over WebSockets. Every POST must carry the page's antiforgery token. When the broker refuses anonymous clients,
/// everything but the login needs a logged-in user; <c>/mqtt</c> checks the user in the MQTT CONNECT, like TCP.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>The request header that carries the antiforgery token.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>The rate-limiter policy of the login: PBKDF2 makes each try cost the broker real CPU.</summary>
    public const string LoginRateLimit = "login";

    /// <summary>Maps every route onto <paramref name="app"/>.</summary>
    public static void Map(WebApplication app, DashboardAccess access, BrokerOptions options)
    {
        app.MapGet("/", (HttpContext context) => access.LoginRequired && UserOf(context) is null ? Results.Redirect("/login") : Page(DashboardAssets.IndexPage));
        app.MapGet("/login", () => Page(DashboardAssets.LoginPage));

        RouteGroupBuilder api = app.MapGroup("/api");
        api.MapGet("/session", Session);
        api.MapPost("/login", LoginAsync).AddEndpointFilter(RequireAntiforgeryTokenAsync).RequireRateLimiting(LoginRateLimit);
        api.MapPost("/logout", (Delegate)LogoutAsync).AddEndpointFilter(RequireAntiforgeryTokenAsync);

        RouteGroupBuilder broker = api.MapGroup(string.Empty);
        if (access.LoginRequired)
        {
            broker.RequireAuthorization();
        }

        broker.MapGet("/feed", Feed);
        broker.MapPost("/publish", PublishAsync).AddEndpointFilter(RequireAntiforgeryTokenAsync);
        broker.MapPost("/retained/clear", ClearRetainedAsync).AddEndpointFilter(RequireAntiforgeryTokenAsync);

        // MQTTnet.AspNetCore's MapMqtt (EndpointRouterExtensions.cs, 5.2.0) with WebSockets as the only transport, and a
        // buffer that holds the largest packet the broker accepts: MqttConnectionContext waits for a whole packet.
        app.MapConnectionHandler<MqttConnectionHandler>(DashboardBanner.WebSocketPath, connection =>
        {
            connection.Transports = HttpTransportType.WebSockets;
            connection.WebSockets.SubProtocolSelector = MqttSubProtocolSelector.SelectSubProtocol;
            connection.ApplicationMaxBufferSize = options.MaxPacketBytes;
            connection.TransportMaxBufferSize = options.MaxPacketBytes;
        });
    }

    private static string? UserOf(HttpContext context)
    {
        return context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;
    }

    private static IResult Page(string name)
    {
        IFileInfo file = DashboardAssets.Files.GetFileInfo(name);
        return Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8");
    }

    private static async ValueTask<object?> RequireAntiforgeryTokenAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        IAntiforgery antiforgery = invocation.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(invocation.HttpContext).ConfigureAwait(false))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This page is out of date (the broker restarted?): reload it.");
        }

        return await next(invocation).ConfigureAwait(false);
    }

    private static SessionView Session(HttpContext context, DashboardAccess access, IAntiforgery antiforgery)
    {
        AntiforgeryTokenSet tokens = antiforgery.GetAndStoreTokens(context);
        return new SessionView(access.LoginRequired, UserOf(context), tokens.RequestToken!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LoginAsync(LoginRequest request, HttpContext context, DashboardAccess access)
    {
        if (!access.Verify(request.UserName, request.Password))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong user name or password.");
        }

        ClaimsIdentity identity = new([new Claim(ClaimTypes.Name, request.UserName!)], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static IResult Feed(HttpContext context, FeedStream feed, BrokerInfoSource broker, DashboardClosing closing)
    {
        CancellationTokenSource ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, closing.Token);
        context.Response.RegisterForDispose(ending);
        return TypedResults.ServerSentEvents(feed.ReadAsync(broker.Describe(UserOf(context)), ending.Token));
    }

    private static async Task<Results<Ok<PublishResult>, ValidationProblem>> PublishAsync(PublishRequest request, DashboardPublisher publisher, IOptions<BrokerOptions> options)
    {
        IReadOnlyDictionary<string, string[]> problems = PublishCheck.FindProblems(request, options.Value.MaxPayloadBytes);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary(), title: "Nothing was published.");
        }

        return TypedResults.Ok(new PublishResult(await publisher.PublishAsync(request).ConfigureAwait(false)));
    }

    private static async Task<Results<NoContent, ValidationProblem>> ClearRetainedAsync(ClearRetainedRequest request, DashboardPublisher publisher)
    {
        if (request.Topic is null)
        {
            await publisher.ClearAllRetainedAsync().ConfigureAwait(false);
            return TypedResults.NoContent();
        }

        string? problem = TopicNameRules.FindProblem(request.Topic);
        if (problem is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [PublishCheck.TopicField] = [problem] }, title: "Nothing was cleared.");
        }

        await publisher.ClearRetainedAsync(request.Topic).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
