using Esp32Mqtt.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class BoardCardTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Shows_a_simulated_board_and_lights_its_led_when_On_is_clicked()
    {
        // Arrange
        Chromium.Require();
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        using SimulatorProcess board = await SimulatorProcess.StartAsync(broker.Port, "sim-desk");
        await board.WaitForLedAsync(on: false);
        await using DashboardPage dashboard = await DashboardPage.OpenAsync(browser.Browser, broker.DashboardAddress);
        await Expect(dashboard.Board("sim-desk").Locator(".status")).ToHaveTextAsync("online");
        await Expect(dashboard.Led("sim-desk")).ToHaveAttributeAsync("data-led", "off");

        // Act
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Turn on the LED of sim-desk" }).ClickAsync();

        // Assert
        await board.WaitForLedAsync(on: true);
        await Expect(dashboard.Led("sim-desk")).ToHaveAttributeAsync("data-led", "on");
        await Expect(dashboard.Led("sim-desk")).ToHaveAccessibleNameAsync("LED on");
        Assert.Empty(dashboard.Errors);
    }

    [SkippableFact]
    public async Task Shows_a_board_that_went_away_as_offline()
    {
        // Arrange
        Chromium.Require();
        await using InProcessBroker broker = await InProcessBroker.StartAsync();
        SimulatorProcess board = await SimulatorProcess.StartAsync(broker.Port, "sim-shelf");
        await using DashboardPage dashboard = await DashboardPage.OpenAsync(browser.Browser, broker.DashboardAddress);
        await Expect(dashboard.Board("sim-shelf").Locator(".status")).ToHaveTextAsync("online");

        // Act
        await board.KillAsync();
        board.Dispose();

        // Assert: the broker publishes the board's last will, "offline", once its keep-alive has run out.
        await Expect(dashboard.Board("sim-shelf").Locator(".status")).ToHaveTextAsync("offline", new() { Timeout = (float)TestTimeouts.Process.TotalMilliseconds });
        Assert.Empty(dashboard.Errors);
    }
}
