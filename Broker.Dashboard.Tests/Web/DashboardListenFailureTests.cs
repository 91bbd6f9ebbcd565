using System.Net.Sockets;
using Esp32Mqtt.Broker.Dashboard.Web;
using Microsoft.AspNetCore.Connections;

namespace Esp32Mqtt.Broker.Dashboard.Tests.Web;

public sealed class DashboardListenFailureTests
{
    [Fact]
    public void Explains_a_port_in_use_with_the_switch_for_another_port()
    {
        // Arrange
        IOException exception = new("Failed to bind to address http://[::]:8080: address already in use.", new AddressInUseException("Address already in use"));

        // Act
        string? line = DashboardListenFailure.Explain(exception, 8080);

        // Assert
        Assert.Equal(
            "Cannot open the dashboard on port 8080: another program is already using it (another web server, or another copy of this broker?). "
            + "Stop that program, or give the dashboard another port: dotnet run --project Broker -- --dashboard-port 8081 (or switch the dashboard off: --dashboard false)",
            line);
    }

    [Fact]
    public void Explains_a_privileged_port()
    {
        // Act
        string? line = DashboardListenFailure.Explain(new SocketException((int)SocketError.AccessDenied), 80);

        // Assert
        Assert.StartsWith("Cannot open the dashboard on port 80: ports below 1024 need administrator rights. Use the default instead: --dashboard-port 8080", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_other_exceptions_to_the_stack_trace()
    {
        // Act
        string? line = DashboardListenFailure.Explain(new InvalidOperationException("a bug"), 8080);

        // Assert
        Assert.Null(line);
    }
}
