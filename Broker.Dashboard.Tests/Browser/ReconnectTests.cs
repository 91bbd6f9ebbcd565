using Esp32Mqtt.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReconnectTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Reconnects_after_a_broker_restart_and_shows_the_boards_again()
    {
        // Arrange
        Chromium.Require();
        using TemporaryDirectory data = new();
        InProcessBroker first = await InProcessBroker.StartAsync(dataDirectory: data.FullPath);
        Dictionary<string, string?> samePorts = new()
        {
            ["Broker:Port"] = first.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broker:DashboardPort"] = first.DashboardPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using SimulatorProcess board = await SimulatorProcess.StartAsync(first.Port, "sim-lab");
        await using DashboardPage dashboard = await DashboardPage.OpenAsync(browser.Browser, first.DashboardAddress);
        await Expect(dashboard.Board("sim-lab").Locator(".status")).ToHaveTextAsync("online");

        // Act
        await first.DisposeAsync();
        await Expect(dashboard.Connection).Not.ToHaveTextAsync("Live");
        await using InProcessBroker second = await InProcessBroker.StartAsync(samePorts, data.FullPath);
        await board.WaitForConnectionsAsync(2);

        // Assert
        await Expect(dashboard.Connection).ToHaveTextAsync("Live", new() { Timeout = (float)TestTimeouts.Process.TotalMilliseconds });
        await Expect(dashboard.Board("sim-lab").Locator(".status")).ToHaveTextAsync("online");
        await Expect(dashboard.Page.Locator("#client-list td.id")).ToHaveTextAsync(["sim-lab"]);
        await Expect(dashboard.Page.Locator("#flow-list > li.divider")).ToContainTextAsync("Broker restarted at");
    }
}
