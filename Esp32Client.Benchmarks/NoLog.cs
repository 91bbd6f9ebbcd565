using Esp32Client.Core;

namespace Esp32Client.Benchmarks;

/// <summary>A log that drops its lines.</summary>
public sealed class NoLog : ILog
{
    public void Write(string line)
    {
    }
}
