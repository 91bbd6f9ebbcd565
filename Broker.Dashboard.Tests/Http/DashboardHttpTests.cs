using System.Net;
using System.Net.Http.Json;
using Esp32Mqtt.Broker.Dashboard.Boards;
using Esp32Mqtt.Broker.Dashboard.Feed;
using Esp32Mqtt.Broker.Dashboard.Publishing;
using Esp32Mqtt.Broker.Events;
using Esp32Mqtt.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Http;

/// <summary>The dashboard over HTTP, as a page's scripts use it, against an in-process broker with no users.</summary>
public sealed class DashboardHttpTests : IAsyncLifetime
{
    private InProcessBroker _broker = null!;
    private DashboardClient _page = null!;

    public async Task InitializeAsync()
    {
        _broker = await InProcessBroker.StartAsync(new Dictionary<string, string?> { ["Broker:MaxPayloadBytes"] = "64" });
        _page = new DashboardClient(_broker.DashboardAddress);
        await _page.SessionAsync();
    }

    public async Task DisposeAsync()
    {
        _page.Dispose();
        await _broker.DisposeAsync();
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/login", "text/html")]
    [InlineData("/assets/dashboard.js", "text/javascript")]
    [InlineData("/assets/style.css", "text/css")]
    [InlineData("/assets/favicon.svg", "image/svg+xml")]
    public async Task Serves_the_pages_and_their_files_under_a_strict_content_security_policy(string path, string expectedType)
    {
        // Act
        using HttpResponseMessage response = await _page.Http.GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishes_for_the_page_and_says_how_many_clients_it_reached()
    {
        // Arrange
        await using TestMqttClient kitchen = await TestMqttClient.ConnectAsync(_broker.Port, "kitchen");
        await kitchen.SubscribeAsync("led");

        // Act
        using HttpResponseMessage response = await _page.PostAsync("/api/publish", new PublishRequest("led", "on", 0, false));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new PublishResult(1), await response.Content.ReadFromJsonAsync<PublishResult>(DashboardClient.Json));
        Assert.Equal(new ReceivedMessage("led", "on", false), await kitchen.WaitForMessageAsync());
        await _broker.Logs.WaitForAsync("'led' ← dashboard: \"on\" (QoS 0) → 1 client: kitchen");
    }

    [Fact]
    public async Task Refuses_a_post_without_the_pages_antiforgery_token_and_publishes_nothing()
    {
        // Arrange
        await using TestMqttClient kitchen = await TestMqttClient.ConnectAsync(_broker.Port, "kitchen");
        await kitchen.SubscribeAsync("led");
        using DashboardClient otherSite = new(_broker.DashboardAddress);

        // Act
        using HttpResponseMessage response = await otherSite.Http.PostAsJsonAsync("/api/publish", new PublishRequest("led", "forged", 0, false), DashboardClient.Json);
        await _page.PostAsync("/api/publish", new PublishRequest("led", "after", 0, false));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("after", (await kitchen.WaitForMessageAsync()).Payload);
    }

    [Theory]
    [InlineData("led/#", "on", "topic", "The topic 'led/#' contains a wildcard (+ or #); wildcards are only for subscribing.")]
    [InlineData("", "on", "topic", "The topic is empty; a message needs a topic, such as led.")]
    [InlineData("led", "this payload is longer than the sixty-four bytes this broker accepts", "payload", "The payload is 68 bytes; the broker accepts at most 64 (Broker:MaxPayloadBytes).")]
    public async Task Refuses_what_the_broker_would_not_accept_with_the_reason_by_field_and_publishes_nothing(string topic, string payload, string field, string expected)
    {
        // Arrange
        await using TestMqttClient watcher = await TestMqttClient.ConnectAsync(_broker.Port, "watcher");
        await watcher.SubscribeAsync("#");

        // Act
        using HttpResponseMessage response = await _page.PostAsync("/api/publish", new PublishRequest(topic, payload, 0, false));
        await _page.PostAsync("/api/publish", new PublishRequest("marker", "after", 0, false));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        HttpValidationProblemDetails problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(DashboardClient.Json))!;
        Assert.Equal([expected], problem.Errors[field]);
        Assert.Equal(new ReceivedMessage("marker", "after", false), await watcher.WaitForMessageAsync());
    }

    [Fact]
    public async Task Clears_one_retained_message_then_all_of_them()
    {
        // Arrange
        await using TestMqttClient board = await TestMqttClient.ConnectAsync(_broker.Port, "kitchen");
        await board.PublishAsync("esp32/kitchen/status", "online", MqttQualityOfServiceLevel.AtLeastOnce, retain: true);
        await board.PublishAsync("esp32/garden/status", "online", MqttQualityOfServiceLevel.AtLeastOnce, retain: true);
        MQTTnet.Server.MqttServer server = _broker.Services.GetRequiredService<Broker.Hosting.BrokerServer>().Server;

        // Act
        using HttpResponseMessage one = await _page.PostAsync("/api/retained/clear", new ClearRetainedRequest("esp32/kitchen/status"));
        IList<MQTTnet.MqttApplicationMessage> afterOne = await server.GetRetainedMessagesAsync();
        using HttpResponseMessage all = await _page.PostAsync("/api/retained/clear", new ClearRetainedRequest(null));

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, one.StatusCode);
        Assert.Equal(["esp32/garden/status"], afterOne.Select(message => message.Topic));
        Assert.Equal(HttpStatusCode.NoContent, all.StatusCode);
        Assert.Empty(await server.GetRetainedMessagesAsync());
    }

    [Fact]
    public async Task Feed_starts_with_the_brokers_state()
    {
        // Arrange
        await using TestMqttClient board = await TestMqttClient.ConnectAsync(_broker.Port, "kitchen");
        await board.SubscribeAsync("led");
        await board.PublishAsync("esp32/kitchen/status", "online", MqttQualityOfServiceLevel.AtLeastOnce, retain: true);

        // Act
        await using FeedReader feed = await _page.OpenFeedAsync();
        BrokerInfo hello = await feed.WaitForAsync<BrokerInfo>(FeedEventNames.Hello);
        BoardView[] boards = await feed.WaitForAsync<BoardView[]>(FeedEventNames.Boards);
        ClientsView clients = await feed.WaitForAsync<ClientsView>(FeedEventNames.Clients);
        RetainedView retained = await feed.WaitForAsync<RetainedView>(FeedEventNames.Retained);

        // Assert
        Assert.Equal(_broker.Port, hello.MqttPort);
        Assert.Equal(64, hello.MaxPayloadBytes);
        Assert.Null(hello.UserName);
        Assert.Equal("kitchen", Assert.Single(boards).Id);
        ClientView kitchen = Assert.Single(clients.Clients);
        Assert.Equal(("kitchen", "MQTT 3.1.1"), (kitchen.Id, kitchen.Protocol));
        Assert.Equal(new SubscriptionView("kitchen", "led", 0), Assert.Single(clients.Subscriptions));
        Assert.Equal("esp32/kitchen/status", Assert.Single(retained.Messages).Topic);
    }

    [Fact]
    public async Task Feed_lists_a_client_that_went_away_with_its_session_kept()
    {
        // Arrange
        await using FeedReader feed = await _page.OpenFeedAsync();
        await feed.WaitForAsync<RetainedView>(FeedEventNames.Retained);
        await using (TestMqttClient board = await TestMqttClient.ConnectAsync(_broker.Port, "kitchen", configure: options => options.WithCleanSession(false)))
        {
            await board.SubscribeAsync("led", MqttQualityOfServiceLevel.AtLeastOnce);
        }

        // Act
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(_broker.Port, "phone");
        await phone.PublishAsync("led", "on", MqttQualityOfServiceLevel.AtLeastOnce);
        ClientsView clients = await feed.WaitForAsync<ClientsView>(FeedEventNames.Clients, view => view.Offline.Any(session => session.QueuedMessages == 1), TestTimeouts.Short);

        // Assert
        OfflineClientView away = Assert.Single(clients.Offline);
        Assert.Equal("kitchen", away.Id);
        Assert.DoesNotContain(clients.Clients, client => client.Id == "kitchen");
        Assert.Contains(new SubscriptionView("kitchen", "led", 1), clients.Subscriptions);
    }

    [Fact]
    public async Task Feed_shows_each_message_with_its_recipients_and_the_near_miss_of_one_that_reached_nobody()
    {
        // Arrange
        await using TestMqttClient kitchen = await TestMqttClient.ConnectAsync(_broker.Port, "kitchen");
        await kitchen.SubscribeAsync("led");
        await using TestMqttClient garden = await TestMqttClient.ConnectAsync(_broker.Port, "garden");
        await garden.SubscribeAsync("led");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(_broker.Port, "phone");
        await using FeedReader feed = await _page.OpenFeedAsync();
        await feed.WaitForAsync<RetainedView>(FeedEventNames.Retained);

        // Act
        await phone.PublishAsync("led", "on");
        await phone.PublishAsync("Led", "on");
        List<FlowEntry> drawn = [];
        await feed.WaitForAsync<FlowBatch>(FeedEventNames.Flow, batch =>
        {
            drawn.AddRange(batch.Items.Where(item => item.Message is not null).Select(item => item.Message!));
            return drawn.Count >= 2;
        });

        // Assert
        Assert.Equal(("led", "phone"), (drawn[0].Topic, drawn[0].Sender));
        Assert.Equal(["kitchen", "garden"], drawn[0].Recipients);
        Assert.Equal(("Led", 0), (drawn[1].Topic, drawn[1].Recipients.Count));
        Assert.Equal(new Subscriptions.NearMiss("led", 2), drawn[1].NearMiss);
    }

    [Fact]
    public async Task Feed_draws_a_few_messages_of_a_flood_and_counts_every_other_one()
    {
        // Arrange
        const int Flood = 3_000;
        await using TestMqttClient publisher = await TestMqttClient.ConnectAsync(_broker.Port, "flood");
        await using FeedReader feed = await _page.OpenFeedAsync();
        await feed.WaitForAsync<RetainedView>(FeedEventNames.Retained);
        DateTime started = DateTime.UtcNow;

        // Act
        for (int index = 0; index < Flood; index++)
        {
            await publisher.PublishAsync("flood", "x");
        }

        long drawn = 0;
        long counted = 0;
        await feed.WaitForAsync<FlowBatch>(FeedEventNames.Flow, batch =>
        {
            drawn += batch.Items.Count(item => item.Message is not null);
            counted += batch.Items.Sum(item => item.Message is null ? item.Skipped : 1);
            return counted >= Flood;
        });
        double seconds = (DateTime.UtcNow - started).TotalSeconds;

        // Assert
        Assert.Equal(Flood, counted);
        Assert.InRange(drawn, 1, FlowLog.DrawnPerSecond * (Math.Ceiling(seconds) + 1));
    }

    [Fact]
    public async Task Wants_each_message_only_while_a_page_has_its_feed_open()
    {
        // Arrange
        await using InProcessBroker quiet = await InProcessBroker.StartAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Esp32Mqtt.Broker.Messages"] = "None" });
        TrafficEvents events = quiet.Services.GetRequiredService<TrafficEvents>();
        using DashboardClient page = new(quiet.DashboardAddress);
        MessageInterest before = events.Interest;

        // Act
        FeedReader feed = await page.OpenFeedAsync();
        await feed.WaitForAsync<BrokerInfo>(FeedEventNames.Hello);
        MessageInterest whileOpen = events.Interest;
        await feed.DisposeAsync();

        // Assert
        Assert.Equal(MessageInterest.None, before);
        Assert.Equal(MessageInterest.Every, whileOpen);
        await Eventually.UntilAsync(() => events.Interest == MessageInterest.None, TestTimeouts.Short, "the closed page to stop wanting messages");
    }

    [Fact]
    public async Task Ends_every_feed_when_the_broker_stops()
    {
        // Arrange
        await using FeedReader feed = await _page.OpenFeedAsync();
        await feed.WaitForAsync<RetainedView>(FeedEventNames.Retained);

        // Act
        Task stopping = _broker.StopAsync();
        IReadOnlyList<string> rest = await feed.ReadToEndAsync();

        // Assert
        await stopping.WaitAsync(TestTimeouts.Short);
        Assert.DoesNotContain(FeedEventNames.Hello, rest);
    }
}
