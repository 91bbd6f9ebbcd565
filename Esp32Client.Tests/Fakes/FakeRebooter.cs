using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>Counts reboot requests.</summary>
public sealed class FakeRebooter : IRebooter
{
    public int Reboots { get; private set; }

    public void Reboot()
    {
        Reboots++;
    }
}
