using Esp32Client.Core;

namespace Esp32Client.Simulator.Display;

/// <summary>The simulated board's LED: shown in the console instead of on GPIO 2.</summary>
public sealed class ConsoleLed(ConsoleView view) : ILedOutput
{
    public void Write(bool on)
    {
        view.ShowLed(on);
    }
}
