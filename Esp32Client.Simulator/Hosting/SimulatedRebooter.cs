using Esp32Client.Core;

namespace Esp32Client.Simulator.Hosting;

/// <summary>Where the board would restart, the simulator signals its host to build the board afresh.</summary>
public sealed class SimulatedRebooter : IRebooter
{
    private readonly TaskCompletionSource _requested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the firmware asks for a reboot.</summary>
    public Task Requested => _requested.Task;

    public void Reboot()
    {
        _requested.TrySetResult();
    }
}
