using Esp32Mqtt.TestSupport;
using Microsoft.Playwright;
using MQTTnet.Protocol;
using static Microsoft.Playwright.Assertions;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ClientsViewTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Lists_connected_clients_and_one_away_with_its_session_kept_and_draws_the_topic_tree()
    {
        // Arrange
        Chromium.Require();
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        await using DashboardPage dashboard = await DashboardPage.OpenAsync(browser.Browser, broker.DashboardAddress);
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        await phone.SubscribeAsync("esp32/+/status");

        // Act
        await using (TestMqttClient board = await TestMqttClient.ConnectAsync(broker.Port, "kitchen", configure: options => options.WithCleanSession(false)))
        {
            await board.SubscribeAsync("led", MqttQualityOfServiceLevel.AtLeastOnce);
        }

        // Published once the broker has seen the board leave, so the message waits in its kept session's queue.
        await broker.Logs.WaitForAsync("kitchen disconnected; its session is kept for 7 days: messages for its subscriptions queue until it comes back");
        await phone.PublishAsync("led", "on", MqttQualityOfServiceLevel.AtLeastOnce);

        // Assert
        ILocator rows = dashboard.Page.Locator("#client-list tr");
        await Expect(rows.Locator("td.id")).ToHaveTextAsync(["phone", "kitchen"]);
        await Expect(rows.Nth(1)).ToContainTextAsync("offline since");
        await Expect(rows.Nth(1)).ToContainTextAsync("1 message queued");
        await Expect(dashboard.Page.Locator("#client-count")).ToHaveTextAsync("1 client connected, 1 away (session kept)");
        await Expect(dashboard.Page.Locator("#topic-tree .level .name")).ToHaveTextAsync(["esp32", "+", "status", "led"]);
        await Expect(dashboard.Page.Locator("#topic-tree .subscriber-names")).ToHaveTextAsync(["phone", "kitchen"]);
        Assert.Empty(dashboard.Errors);
    }
}
