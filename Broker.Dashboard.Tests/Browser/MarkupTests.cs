using Esp32Mqtt.TestSupport;
using MQTTnet.Protocol;
using static Microsoft.Playwright.Assertions;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MarkupTests(BrowserFixture browser)
{
    private const string ClientId = "<img src=x onerror=window.hacked=1>";
    private const string Payload = "<script>window.hacked=2</script><img src=x onerror=window.hacked=3>";
    private const string Topic = "<b onmouseover=window.hacked=4>led</b>";
    private const string BoardId = "<img src=x onerror=window.hacked=5>";

    [SkippableFact]
    public async Task Shows_markup_in_client_ids_topics_payloads_and_board_ids_as_text_and_runs_none_of_it()
    {
        // Arrange
        Chromium.Require();
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        await using DashboardPage dashboard = await DashboardPage.OpenAsync(browser.Browser, broker.DashboardAddress);
        await Expect(dashboard.Connection).ToHaveTextAsync("Live");

        // Act
        await using TestMqttClient intruder = await TestMqttClient.ConnectAsync(broker.Port, ClientId);
        await intruder.SubscribeAsync(Topic);
        await intruder.PublishAsync(Topic, Payload);
        await intruder.PublishAsync($"esp32/{BoardId}/status", "online", MqttQualityOfServiceLevel.AtLeastOnce, retain: true);

        // Assert
        await Expect(dashboard.FlowMessage(Topic).Locator(".sender")).ToHaveTextAsync(ClientId);
        await Expect(dashboard.FlowMessage(Topic).Locator(".payload")).ToHaveTextAsync(Payload);
        await Expect(dashboard.FlowMessage(Topic).Locator(".client")).ToHaveTextAsync(ClientId);
        await Expect(dashboard.Page.Locator("#client-list td.id")).ToHaveTextAsync([ClientId]);
        await Expect(dashboard.Board(BoardId).Locator("h3")).ToHaveTextAsync(BoardId);
        await Expect(dashboard.Page.Locator("img[src='x'], script:not([src]), b[onmouseover]")).ToHaveCountAsync(0);
        Assert.True(await dashboard.Page.EvaluateAsync<bool>("() => window.hacked === undefined"));
        Assert.Empty(dashboard.Errors);
    }
}
