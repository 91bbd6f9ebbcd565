using Esp32Client.Simulator.Display;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Esp32Client.Simulator.Hosting;

/// <summary>
/// Runs the simulated board for the lifetime of the process: prints what it is, starts it, rebuilds it when the
/// firmware asks to reboot, and on Ctrl-C (or SIGTERM) disconnects it cleanly.
/// </summary>
public sealed class SimulatedBoardService(IOptions<SimulatorOptions> options, ConsoleView view) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SimulatorOptions settings = options.Value;
        string deviceId = settings.Id.Length > 0 ? settings.Id : SimulatedDeviceId.For(Environment.MachineName);
        string broker = !settings.FindsBroker ? $"broker {settings.Broker}:{settings.Port}"
            : settings.BrokerName.Length > 0 ? $"looks for the broker '{settings.BrokerName}' on the network"
            : "looks for the broker on the network";
        view.WriteLine($"Simulated board {deviceId}, {broker}. Ctrl-C stops it cleanly.");
        view.WriteLine(PublishHint.For(settings));

        while (!stoppingToken.IsCancellationRequested)
        {
            using var board = new SimulatedBoard(settings, deviceId, view);
            board.Start();
            Task stopped = Task.Delay(Timeout.Infinite, stoppingToken);
            await Task.WhenAny(board.RebootRequested, stopped).ConfigureAwait(false);
            if (stoppingToken.IsCancellationRequested)
            {
                board.Shutdown();
                return;
            }

            view.WriteLine("Rebooting the simulated board.");
        }
    }
}
