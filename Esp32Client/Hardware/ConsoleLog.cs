using System;
using Esp32Client.Core;

namespace Esp32Client.Hardware
{
    /// <summary>
    /// Writes to the board's debug console (Visual Studio's Output window, or the serial port). Console.WriteLine rather
    /// than Debug.WriteLine, which is [Conditional("DEBUG")] and so vanishes from Release builds (NANOFRAMEWORK.md,
    /// "The language and the runtime").
    /// </summary>
    public sealed class ConsoleLog : ILog
    {
        /// <summary>Writes one line.</summary>
        public void Write(string line)
        {
            Console.WriteLine(line);
        }
    }
}
