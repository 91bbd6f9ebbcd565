using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Esp32Mqtt.Broker.Dashboard.Access;
using Esp32Mqtt.Broker.Dashboard.Web;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Http;

/// <summary>The dashboard as a page's scripts use it, over HTTP with cookies: the session, its token, POSTs and the feed.</summary>
public sealed class DashboardClient : IDisposable
{
    /// <summary>How the dashboard writes JSON (ASP.NET Core's web defaults: camelCase names).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClientHandler _handler;
    private string _token = string.Empty;

    /// <summary>A client of the dashboard at <paramref name="address"/>, with its own cookies and no redirects followed.</summary>
    public DashboardClient(Uri address)
    {
        _handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        Http = new HttpClient(_handler) { BaseAddress = address, Timeout = TestTimeouts.Process };
    }

    /// <summary>The HTTP client, for requests a page would not make.</summary>
    public HttpClient Http { get; }

    /// <summary>Asks for the session, as a page does when it opens, and keeps its antiforgery token.</summary>
    public async Task<SessionView> SessionAsync()
    {
        SessionView session = (await Http.GetFromJsonAsync<SessionView>("/api/session", Json).ConfigureAwait(false))!;
        _token = session.AntiforgeryToken;
        return session;
    }

    /// <summary>Posts <paramref name="body"/> as JSON with the page's antiforgery token (from <see cref="SessionAsync"/>).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, object body)
    {
        HttpRequestMessage request = new(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Add(DashboardEndpoints.AntiforgeryHeader, _token);
        return Http.SendAsync(request);
    }

    /// <summary>Takes a session and logs in.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string userName, string password)
    {
        await SessionAsync().ConfigureAwait(false);
        HttpResponseMessage response = await PostAsync("/api/login", new LoginRequest(userName, password)).ConfigureAwait(false);

        // The antiforgery token is tied to the user: a page that logs in takes a new one.
        await SessionAsync().ConfigureAwait(false);
        return response;
    }

    /// <summary>Opens the feed as a page's EventSource does; fails unless the broker answers 200.</summary>
    public async Task<FeedReader> OpenFeedAsync()
    {
        HttpResponseMessage response = await Http.GetAsync("/api/feed", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return new FeedReader(response, await response.Content.ReadAsStreamAsync().ConfigureAwait(false));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }
}
