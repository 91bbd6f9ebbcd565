using Esp32Mqtt.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PublishFormTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Refuses_a_wildcard_topic_next_to_the_field_and_publishes_nothing()
    {
        // Arrange
        Chromium.Require();
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        await using TestMqttClient watcher = await TestMqttClient.ConnectAsync(broker.Port, "watcher");
        await watcher.SubscribeAsync("#");
        await using DashboardPage dashboard = await DashboardPage.OpenAsync(browser.Browser, broker.DashboardAddress);
        await Expect(dashboard.Connection).ToHaveTextAsync("Live");
        ILocator topic = dashboard.Page.GetByLabel("Topic", new() { Exact = true });

        // Act
        await topic.FillAsync("led/#");
        await dashboard.Page.GetByLabel("Payload", new() { Exact = true }).FillAsync("on");
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();

        // Assert
        await Expect(dashboard.Page.Locator("#publish-topic-error")).ToHaveTextAsync("The topic 'led/#' contains a wildcard (+ or #); wildcards are only for subscribing.");
        await Expect(topic).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(topic).ToBeFocusedAsync();

        // Then a good topic goes through, and it is the first message the watcher gets.
        await topic.FillAsync("led");
        await Expect(dashboard.Page.Locator("#publish-topic-error")).ToBeHiddenAsync();
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        Assert.Equal(new ReceivedMessage("led", "on", false), await watcher.WaitForMessageAsync());
        await Expect(dashboard.Page.Locator("#publish-result")).ToHaveTextAsync("Published to led: delivered to 1 client.");
        Assert.Empty(dashboard.Errors);
    }

    [SkippableFact]
    public async Task Publishes_retained_with_qos_1_and_lists_the_retained_message()
    {
        // Arrange
        Chromium.Require();
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        await using DashboardPage dashboard = await DashboardPage.OpenAsync(browser.Browser, broker.DashboardAddress);
        await Expect(dashboard.Connection).ToHaveTextAsync("Live");

        // Act
        await dashboard.Page.GetByLabel("Topic", new() { Exact = true }).FillAsync("greeting");
        await dashboard.Page.GetByLabel("Payload", new() { Exact = true }).FillAsync("hello, class");
        await dashboard.Page.GetByRole(AriaRole.Radio, new() { Name = "1 at least once" }).CheckAsync();
        await dashboard.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Retain" }).CheckAsync();
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();

        // Assert
        ILocator retained = dashboard.Page.Locator("#retained-list tr");
        await Expect(retained).ToHaveCountAsync(1);
        await Expect(retained.Locator("td")).ToHaveTextAsync(["greeting", "hello, class", "1", "Clear"]);
        await Expect(dashboard.FlowMessage("greeting").Locator(".badge")).ToHaveTextAsync(["QoS 1", "retained"]);

        // And the Clear button removes it again.
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Clear the retained message of greeting" }).ClickAsync();
        await Expect(retained).ToHaveCountAsync(0);
        Assert.Empty(dashboard.Errors);
    }
}
