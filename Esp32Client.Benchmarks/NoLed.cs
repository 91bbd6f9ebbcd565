using Esp32Client.Core;

namespace Esp32Client.Benchmarks;

/// <summary>An LED output that does nothing (the GPIO write is the adapter's cost, not the core's).</summary>
public sealed class NoLed : ILedOutput
{
    public void Write(bool on)
    {
    }
}
