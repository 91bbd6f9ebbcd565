using System.Text;
using Esp32Mqtt.Broker.Security;
using Esp32Mqtt.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Browser;

/// <summary>
/// The README's pictures of the dashboard, on a laptop and on a phone, light and dark: a classroom of two simulated
/// boards, one message on <c>led</c> reaching both, and a typo that reached nobody. Each picture is also a check: the page
/// has drawn what the picture is meant to show, and no script failed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Takes_the_readmes_pictures_of_a_classroom_on_a_laptop_and_a_phone()
    {
        // Arrange
        Chromium.Require();
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        using SimulatorProcess kitchen = await SimulatorProcess.StartAsync(broker.Port, "sim-kitchen");
        using SimulatorProcess garden = await SimulatorProcess.StartAsync(broker.Port, "sim-garden");
        await using TestMqttClient phone = await TestMqttClient.ConnectAsync(broker.Port, "phone");
        await using DashboardPage laptop = await DashboardPage.OpenAsync(browser.Browser, broker.DashboardAddress, DashboardPage.Laptop);
        await Expect(laptop.Page.Locator(".board")).ToHaveCountAsync(2);

        // Act
        await phone.PublishAsync("led", "on");
        await kitchen.WaitForLedAsync(on: true);
        await garden.WaitForLedAsync(on: true);
        await phone.PublishAsync("esp32/sim-garden/led", "off");
        await garden.WaitForLedAsync(on: false);
        await phone.PublishAsync("Led", "off");
        await Expect(laptop.FlowMessage("Led").Locator(".hint")).ToContainTextAsync("did you mean led");
        await Expect(laptop.Led("sim-garden")).ToHaveAttributeAsync("data-led", "off");
        await Expect(laptop.Led("sim-kitchen")).ToHaveAttributeAsync("data-led", "on");
        await Expect(laptop.Page.Locator(".board .facts dt").First).ToHaveTextAsync("Uptime");

        // Each board subscribes to its state topic only until it has restored its LED: the list settles on two each.
        // The lists are sent at most once a second: wait for the last changes to arrive.
        await Expect(laptop.Page.Locator("#client-list .chip")).ToHaveCountAsync(4);
        ILocator kitchenState = laptop.Page.Locator("#retained-list tr").Filter(new() { Has = laptop.Page.GetByRole(AriaRole.Cell, new() { Name = "esp32/sim-kitchen/led/state", Exact = true }) });
        await Expect(kitchenState.Locator("td:nth-child(2)")).ToHaveTextAsync("on");

        // Assert (and take the pictures)
        await Screenshots.SaveAsync(laptop.Page, "laptop-light", fullPage: true);
        await laptop.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Screenshots.SaveAsync(laptop.Page, "laptop-dark");

        await using DashboardPage handset = await DashboardPage.OpenAsync(browser.Browser, broker.DashboardAddress, DashboardPage.Phone);
        await Expect(handset.Page.Locator(".board")).ToHaveCountAsync(2);
        await Expect(handset.FlowMessage("Led")).ToBeAttachedAsync();
        await Screenshots.SaveAsync(handset.Page, "phone-light");
        await handset.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await handset.Page.Locator("#flow").EvaluateAsync("section => section.scrollIntoView()");
        await Screenshots.SaveAsync(handset.Page, "phone-dark-flow");
        Assert.Empty(laptop.Errors);
        Assert.Empty(handset.Errors);
    }

    [SkippableFact]
    public async Task Takes_the_readmes_picture_of_the_login()
    {
        // Arrange
        Chromium.Require();
        string hash = PasswordHasher.Hash(Encoding.UTF8.GetBytes("blink-twice"), iterations: 1_000).ToString();
        await using InProcessBroker broker = await InProcessBroker.StartAsync(new Dictionary<string, string?>
        {
            ["Broker:Users:0:UserName"] = "teacher",
            ["Broker:Users:0:PasswordHash"] = hash,
        });

        // Act
        await using DashboardPage handset = await DashboardPage.OpenAsync(browser.Browser, broker.DashboardAddress, DashboardPage.Phone);

        // Assert
        await Expect(handset.Page.GetByLabel("User name")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(handset.Page, "phone-login");
        Assert.Empty(handset.Errors);
    }
}
