using Esp32Client.Core;

namespace Esp32Client.Simulator.Display;

/// <summary>The firmware's log lines, printed as the board prints them on its debug console.</summary>
public sealed class ConsoleLog(ConsoleView view) : ILog
{
    public void Write(string line)
    {
        view.WriteLine(line);
    }
}
