using System.Text;
using Esp32Mqtt.Broker.Security;
using Esp32Mqtt.TestSupport;
using Microsoft.Playwright;
using MQTTnet;
using MQTTnet.Formatter;
using static Microsoft.Playwright.Assertions;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LoginTests(BrowserFixture browser)
{
    private const string UserName = "teacher";
    private const string Password = "blink-twice";

    [SkippableFact]
    public async Task Refuses_the_page_the_feed_publishing_and_mqtt_without_a_login_and_opens_them_after_it()
    {
        // Arrange
        Chromium.Require();
        string hash = PasswordHasher.Hash(Encoding.UTF8.GetBytes(Password), iterations: 1_000).ToString();
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?>
        {
            ["Broker:Users:0:UserName"] = UserName,
            ["Broker:Users:0:PasswordHash"] = hash,
        });
        await using TestMqttClient board = await TestMqttClient.ConnectAsync(broker.Port, "board", configure: options => options.WithCredentials(UserName, Password));
        await board.SubscribeAsync("led");

        // Act: without a login.
        await using DashboardPage dashboard = await DashboardPage.OpenAsync(browser.Browser, broker.DashboardAddress);
        int feedWithout = await StatusOfAsync(dashboard.Page, "/api/feed");
        int publishWithout = await PublishStatusAsync(dashboard.Page);
        MqttClientConnectResultCode webSocketWithout = await ConnectOverWebSocketAsync(broker, credentials: false);

        // Assert
        await Expect(dashboard.Page).ToHaveURLAsync(new Uri(broker.DashboardAddress, "/login").ToString());
        Assert.Equal(401, feedWithout);
        Assert.Equal(401, publishWithout);
        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, webSocketWithout);

        // Act: a wrong password, then the right one.
        await dashboard.Page.GetByLabel("User name").FillAsync(UserName);
        await dashboard.Page.GetByLabel("Password").FillAsync("wrong");
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(dashboard.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong user name or password.");
        await dashboard.Page.GetByLabel("Password").FillAsync(Password);
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        // Assert
        await Expect(dashboard.Page).ToHaveURLAsync(broker.DashboardAddress.ToString());
        await Expect(dashboard.Connection).ToHaveTextAsync("Live");
        await Expect(dashboard.Page.Locator("#user-name")).ToHaveTextAsync($"Logged in as {UserName}");
        Assert.Equal(200, await StatusOfAsync(dashboard.Page, "/api/session"));
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Turn every board's LED on" }).ClickAsync();
        Assert.Equal("on", (await board.WaitForMessageAsync()).Payload);
        Assert.Equal(MqttClientConnectResultCode.Success, await ConnectOverWebSocketAsync(broker, credentials: true));
        Assert.DoesNotContain(dashboard.Errors, error => !error.Contains("401", StringComparison.Ordinal));
    }

    private static Task<int> StatusOfAsync(IPage page, string path)
    {
        return page.EvaluateAsync<int>("path => fetch(path).then(response => response.status)", path);
    }

    private static Task<int> PublishStatusAsync(IPage page)
    {
        return page.EvaluateAsync<int>(
            "() => fetch('/api/publish', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ topic: 'led', payload: 'on', qualityOfService: 0, retain: false }) }).then(response => response.status)");
    }

    private static async Task<MqttClientConnectResultCode> ConnectOverWebSocketAsync(InProcessBroker broker, bool credentials)
    {
        (TestMqttClient client, MqttClientConnectResult result) = await TestMqttClient.TryConnectOverWebSocketAsync(broker.WebSocketAddress, "browser-client", MqttProtocolVersion.V311, options =>
        {
            if (credentials)
            {
                options.WithCredentials(UserName, Password);
            }
        });
        await client.DisposeAsync();
        return result.ResultCode;
    }
}
