using System.Net;
using System.Text;
using Esp32Mqtt.Broker.Dashboard.Access;
using Esp32Mqtt.Broker.Dashboard.Feed;
using Esp32Mqtt.Broker.Dashboard.Publishing;
using Esp32Mqtt.Broker.Security;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Http;

/// <summary>A broker with users and no anonymous clients: the dashboard asks for the same users as MQTT.</summary>
public sealed class DashboardLoginTests : IAsyncLifetime
{
    private const string UserName = "teacher";
    private const string Password = "blink-twice";

    // Few iterations: the test checks the login, not PBKDF2's cost.
    private readonly string _hash = PasswordHasher.Hash(Encoding.UTF8.GetBytes(Password), iterations: 1_000).ToString();
    private InProcessBroker _broker = null!;
    private DashboardClient _page = null!;

    public async Task InitializeAsync()
    {
        _broker = await InProcessBroker.StartAsync(new Dictionary<string, string?>
        {
            ["Broker:Users:0:UserName"] = UserName,
            ["Broker:Users:0:PasswordHash"] = _hash,
        });
        _page = new DashboardClient(_broker.DashboardAddress);
    }

    public async Task DisposeAsync()
    {
        _page.Dispose();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task Sends_the_page_to_the_login_first()
    {
        // Act
        using HttpResponseMessage response = await _page.Http.GetAsync("/");
        SessionView session = await _page.SessionAsync();

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.OriginalString);
        Assert.True(session.LoginRequired);
        Assert.Null(session.UserName);
    }

    [Fact]
    public async Task Refuses_the_feed_and_publishing_without_a_login()
    {
        // Arrange
        await _page.SessionAsync();
        await using TestMqttClient kitchen = await TestMqttClient.ConnectAsync(_broker.Port, "kitchen", configure: options => options.WithCredentials(UserName, Password));
        await kitchen.SubscribeAsync("led");

        // Act
        using HttpResponseMessage feed = await _page.Http.GetAsync("/api/feed", HttpCompletionOption.ResponseHeadersRead);
        using HttpResponseMessage publish = await _page.PostAsync("/api/publish", new PublishRequest("led", "on", 0, false));
        using HttpResponseMessage clear = await _page.PostAsync("/api/retained/clear", new ClearRetainedRequest(null));
        await kitchen.PublishAsync("led", "marker");

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, feed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, publish.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, clear.StatusCode);
        Assert.Equal("marker", (await kitchen.WaitForMessageAsync()).Payload);
    }

    [Theory]
    [InlineData(UserName, "wrong")]
    [InlineData("student", Password)]
    [InlineData("", "")]
    public async Task Refuses_a_wrong_user_name_or_password(string userName, string password)
    {
        // Act
        using HttpResponseMessage response = await _page.LoginAsync(userName, password);
        using HttpResponseMessage feed = await _page.Http.GetAsync("/api/feed", HttpCompletionOption.ResponseHeadersRead);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, feed.StatusCode);
    }

    [Fact]
    public async Task Opens_the_page_the_feed_and_publishing_after_a_login()
    {
        // Arrange
        await using TestMqttClient kitchen = await TestMqttClient.ConnectAsync(_broker.Port, "kitchen", configure: options => options.WithCredentials(UserName, Password));
        await kitchen.SubscribeAsync("led");

        // Act
        using HttpResponseMessage login = await _page.LoginAsync(UserName, Password);
        using HttpResponseMessage page = await _page.Http.GetAsync("/");
        await using FeedReader feed = await _page.OpenFeedAsync();
        BrokerInfo hello = await feed.WaitForAsync<BrokerInfo>(FeedEventNames.Hello);
        using HttpResponseMessage publish = await _page.PostAsync("/api/publish", new PublishRequest("led", "on", 0, false));

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(UserName, hello.UserName);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        Assert.Equal("on", (await kitchen.WaitForMessageAsync()).Payload);
    }

    [Fact]
    public async Task Forgets_the_login_on_logout()
    {
        // Arrange
        await _page.LoginAsync(UserName, Password);

        // Act
        using HttpResponseMessage logout = await _page.PostAsync("/api/logout", new { });
        using HttpResponseMessage feed = await _page.Http.GetAsync("/api/feed", HttpCompletionOption.ResponseHeadersRead);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, feed.StatusCode);
    }

    [Fact]
    public async Task Never_sends_a_password_hash_to_the_page()
    {
        // Arrange
        PasswordHash.TryParse(_hash, out PasswordHash? parsed, out _);
        string[] secrets = [_hash, Convert.ToBase64String(parsed!.Salt), Convert.ToBase64String(parsed.Key)];
        await _page.LoginAsync(UserName, Password);
        StringBuilder everything = new();

        // Act
        foreach (string path in new[] { "/", "/login", "/api/session", "/assets/dashboard.js", "/assets/api.js" })
        {
            everything.Append(await _page.Http.GetStringAsync(path));
        }

        await using (FeedReader feed = await _page.OpenFeedAsync())
        {
            everything.Append(System.Text.Json.JsonSerializer.Serialize(await feed.WaitForAsync<BrokerInfo>(FeedEventNames.Hello)));
            everything.Append(System.Text.Json.JsonSerializer.Serialize(await feed.WaitForAsync<ClientsView>(FeedEventNames.Clients)));
        }

        // Assert
        foreach (string secret in secrets)
        {
            Assert.DoesNotContain(secret, everything.ToString(), StringComparison.Ordinal);
        }

        Assert.Contains(UserName, everything.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slows_down_guessing_after_ten_tries_a_minute()
    {
        // Act
        List<HttpStatusCode> answers = [];
        for (int attempt = 0; attempt < 11; attempt++)
        {
            using HttpResponseMessage response = await _page.LoginAsync(UserName, "guess" + attempt);
            answers.Add(response.StatusCode);
        }

        // Assert
        Assert.All(answers.Take(10), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[10]);
    }

    [Fact]
    public async Task Lets_anyone_in_when_the_broker_lets_anonymous_clients_in()
    {
        // Arrange
        await using InProcessBroker open = await InProcessBroker.StartAsync(new Dictionary<string, string?>
        {
            ["Broker:Users:0:UserName"] = UserName,
            ["Broker:Users:0:PasswordHash"] = _hash,
            ["Broker:AllowAnonymous"] = "true",
        });
        using DashboardClient page = new(open.DashboardAddress);

        // Act
        SessionView session = await page.SessionAsync();
        await using FeedReader feed = await page.OpenFeedAsync();

        // Assert
        Assert.False(session.LoginRequired);
        Assert.Null((await feed.WaitForAsync<BrokerInfo>(FeedEventNames.Hello)).UserName);
    }
}
