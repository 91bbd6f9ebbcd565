using Microsoft.Extensions.Hosting;

namespace Esp32Mqtt.Broker.Dashboard.Web;

/// <summary>
/// The lifetime of the dashboard's web host, which runs inside the broker's host. A web host answers Ctrl-C and SIGTERM
/// itself by default (ConsoleLifetime) and would close the dashboard before the broker had disconnected its clients;
/// here only the broker's host answers them, and stops the dashboard in its turn (<see cref="DashboardHost"/>).
/// </summary>
internal sealed class InsideBrokerLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        return Task.CompletedTask;
    }
}
