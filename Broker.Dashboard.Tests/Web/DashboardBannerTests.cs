using System.Net;
using Esp32Mqtt.Broker.Dashboard.Web;
using Esp32Mqtt.Broker.Hosting;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Web;

public sealed class DashboardBannerTests
{
    private static readonly LanAddress[] s_wifi = [new("wlan0", IPAddress.Parse("192.168.1.20"))];

    [Fact]
    public void Lists_an_address_for_each_network_and_one_for_this_pc()
    {
        // Act
        IReadOnlyList<string> lines = DashboardBanner.Lines(new IPEndPoint(IPAddress.IPv6Any, 8080), s_wifi, loginRequired: false);

        // Assert
        Assert.Equal(
            [
                "Dashboard: open it in a browser here, or on a phone on the same Wi-Fi:",
                "  http://192.168.1.20:8080      (wlan0)",
                "  http://localhost:8080         (this PC)",
                "MQTT over WebSockets, for browser clients: ws://192.168.1.20:8080/mqtt",
            ],
            lines);
    }

    [Fact]
    public void Says_that_a_login_is_needed_when_the_broker_refuses_anonymous_clients()
    {
        // Act
        IReadOnlyList<string> lines = DashboardBanner.Lines(new IPEndPoint(IPAddress.Any, 8080), s_wifi, loginRequired: true);

        // Assert
        Assert.Equal("Dashboard: open it in a browser here, or on a phone on the same Wi-Fi (log in as one of the broker's users):", lines[0]);
    }

    [Fact]
    public void Says_this_pc_only_when_bound_to_loopback()
    {
        // Act
        IReadOnlyList<string> lines = DashboardBanner.Lines(new IPEndPoint(IPAddress.Loopback, 41234), s_wifi, loginRequired: false);

        // Assert
        Assert.Equal(["Dashboard: http://127.0.0.1:41234 (this PC only)", "MQTT over WebSockets, for browser clients: ws://127.0.0.1:41234/mqtt"], lines);
    }

    [Fact]
    public void Offers_localhost_when_no_network_address_was_found()
    {
        // Act
        IReadOnlyList<string> lines = DashboardBanner.Lines(new IPEndPoint(IPAddress.Any, 8080), [], loginRequired: false);

        // Assert
        Assert.Equal("Dashboard: http://localhost:8080 (this PC; no network address found for a phone)", lines[0]);
    }

    [Fact]
    public void Puts_an_ipv6_address_in_brackets()
    {
        // Act
        IReadOnlyList<string> lines = DashboardBanner.Lines(new IPEndPoint(IPAddress.IPv6Loopback, 8080), [], loginRequired: false);

        // Assert
        Assert.Equal("Dashboard: http://[::1]:8080 (this PC only)", lines[0]);
    }
}
