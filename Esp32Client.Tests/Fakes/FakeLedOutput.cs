using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>An LED that remembers every level written to it, with the time it was written.</summary>
public sealed class FakeLedOutput(FakeClock clock) : ILedOutput
{
    public List<(long At, bool On)> Writes { get; } = [];

    public bool IsOn => Writes.Count > 0 && Writes[^1].On;

    public void Write(bool on)
    {
        Writes.Add((clock.NowMilliseconds, on));
    }
}
