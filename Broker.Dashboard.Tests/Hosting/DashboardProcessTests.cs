using System.Net;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Dashboard.Web;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Hosting;

/// <summary>The dashboard in the broker as a learner runs it: a real process, its banner, and its one-line errors.</summary>
public sealed class DashboardProcessTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public async Task Prints_where_to_open_the_dashboard_and_serves_it_there()
    {
        // Act
        using BrokerProcess broker = await BrokerProcess.StartAsync(Arguments("--port", "0", "--bind", "127.0.0.1"));
        using HttpClient browser = new() { Timeout = TestTimeouts.Short };
        using HttpResponseMessage page = await browser.GetAsync($"http://127.0.0.1:{broker.DashboardPort}/");

        // Assert
        Assert.Contains($"Dashboard: http://127.0.0.1:{broker.DashboardPort} (this PC only)", broker.Process.OutputLines);
        Assert.Contains($"{DashboardBanner.WebSocketLinePrefix}ws://127.0.0.1:{broker.DashboardPort}/mqtt", broker.Process.OutputLines);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Opens_no_dashboard_when_switched_off()
    {
        // Act
        using BrokerProcess broker = await BrokerProcess.StartAsync(Arguments("--port", "0", "--dashboard", "false"));

        // Assert
        Assert.Contains(DashboardBanner.OffLine, broker.Process.OutputLines);
        Assert.Null(broker.DashboardPort);
    }

    [Fact]
    public async Task Reports_a_dashboard_port_in_use_in_one_line_with_the_fix()
    {
        // Arrange
        using Socket occupant = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        occupant.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        occupant.Listen();
        int port = ((IPEndPoint)occupant.LocalEndPoint!).Port;

        // Act
        ToolResult result = await RunToExitAsync(Arguments("--port", "0", "--bind", "127.0.0.1", "--dashboard-port", $"{port}"));

        // Assert
        AssertOneLineFailure(
            result,
            $"Cannot open the dashboard on port {port}: another program is already using it (another web server, or another copy of this broker?). "
            + $"Stop that program, or give the dashboard another port: dotnet run --project Broker -- --dashboard-port {port + 1} (or switch the dashboard off: --dashboard false)");
        Assert.Empty(result.StandardOutput);
    }

    [Theory]
    [InlineData("--dashboard-port", "70000", "Invalid setting: Broker:DashboardPort is 70000; allowed: 0 to 65535 (0 picks any free port).")]
    [InlineData("--dashboard-port", "1884", "Invalid setting: Broker:DashboardPort is 1884, the same as Broker:Port; allowed: another port, such as 8080, or Broker:DashboardEnabled false.")]
    [InlineData("--dashboard", "maybe", "Invalid setting: Broker:DashboardEnabled is 'maybe', which is not a true or false.")]
    public async Task Reports_a_wrong_dashboard_setting_in_one_line(string name, string value, string expected)
    {
        // Act
        ToolResult result = await RunToExitAsync(Arguments("--port", "1884", name, value));

        // Assert
        AssertOneLineFailure(result, expected);
    }

    public void Dispose()
    {
        _data.Dispose();
    }

    private static async Task<ToolResult> RunToExitAsync(string[] arguments)
    {
        using ChildProcess process = BrokerProcess.Launch(arguments);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestTimeouts.Process);
        return new ToolResult(process.ExitCode, string.Join('\n', process.OutputLines), string.Join('\n', process.ErrorLines), TimedOut: false);
    }

    private static void AssertOneLineFailure(ToolResult result, string expectedStart)
    {
        Assert.True(result.ExitCode != 0, result.ToString());
        string line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    private string[] Arguments(params string[] arguments)
    {
        return [.. arguments, $"--Broker:DataDirectory={_data.FullPath}"];
    }
}
