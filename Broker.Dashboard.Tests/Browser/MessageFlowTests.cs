using Esp32Mqtt.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MessageFlowTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Shows_one_message_on_led_delivered_to_both_boards()
    {
        // Arrange
        Chromium.Require();
        Mosquitto.Require(Mosquitto.PublishProgram);
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        using SimulatorProcess kitchen = await SimulatorProcess.StartAsync(broker.Port, "sim-kitchen");
        using SimulatorProcess garden = await SimulatorProcess.StartAsync(broker.Port, "sim-garden");
        await using DashboardPage dashboard = await DashboardPage.OpenAsync(browser.Browser, broker.DashboardAddress);
        await Expect(dashboard.Page.Locator(".board")).ToHaveCountAsync(2);

        // Act
        await Mosquitto.PublishAsync(broker.Port, "-t", "led", "-m", "on");

        // Assert
        ILocator message = dashboard.FlowMessage("led");
        await Expect(message.Locator(".fanout .client")).ToHaveTextAsync(["sim-kitchen", "sim-garden"]);
        await Expect(message.Locator(".payload")).ToHaveTextAsync("on");
        await Expect(message.Locator(".delivery-count")).ToHaveTextAsync("×2");
        await Expect(message.Locator(".badge")).ToHaveTextAsync(["QoS 0"]);
        await Expect(message).ToContainTextAsync("delivered to 2 clients: sim-kitchen, sim-garden.");
        await kitchen.WaitForLedAsync(on: true);
        await garden.WaitForLedAsync(on: true);
        Assert.Empty(dashboard.Errors);
    }

    [SkippableFact]
    public async Task Marks_a_publish_to_Led_as_reaching_nobody_and_suggests_led()
    {
        // Arrange
        Chromium.Require();
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        using SimulatorProcess board = await SimulatorProcess.StartAsync(broker.Port, "sim-hall");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        await using DashboardPage dashboard = await DashboardPage.OpenAsync(browser.Browser, broker.DashboardAddress);
        await Expect(dashboard.Connection).ToHaveTextAsync("Live");

        // Act
        await phone.PublishAsync("Led", "on");

        // Assert
        ILocator message = dashboard.FlowMessage("Led");
        await Expect(message.Locator(".node.nobody")).ToHaveTextAsync("✕ nobody");
        await Expect(message.Locator(".hint")).ToHaveTextAsync("No client is subscribed to Led: did you mean led (1 subscriber)?");
        Assert.Empty(dashboard.Errors);
    }

    [SkippableFact]
    public async Task Pauses_and_clears_the_flow()
    {
        // Arrange
        Chromium.Require();
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        await using DashboardPage dashboard = await DashboardPage.OpenAsync(browser.Browser, broker.DashboardAddress);
        await Expect(dashboard.Connection).ToHaveTextAsync("Live");
        await phone.PublishAsync("first", "1");
        await Expect(dashboard.FlowMessages).ToHaveCountAsync(1);

        // Act
        ILocator pause = dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Pause the message flow" });
        await pause.ClickAsync();
        await Expect(pause).ToHaveAttributeAsync("aria-pressed", "true");
        await phone.PublishAsync("second", "2");
        await Expect(dashboard.Page.Locator("#flow-paused")).ToHaveTextAsync("Paused: 1 message waiting.");
        int whilePaused = await dashboard.FlowMessages.CountAsync();
        await pause.ClickAsync();
        await Expect(dashboard.FlowMessages).ToHaveCountAsync(2);
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Clear the message flow" }).ClickAsync();

        // Assert
        Assert.Equal(1, whilePaused);
        await Expect(dashboard.FlowMessages).ToHaveCountAsync(0);
        await Expect(dashboard.Page.Locator("#flow-empty")).ToBeVisibleAsync();
    }
}
