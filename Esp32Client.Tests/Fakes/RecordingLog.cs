using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>Keeps the log lines.</summary>
public sealed class RecordingLog : ILog
{
    public List<string> Lines { get; } = [];

    public void Write(string line)
    {
        Lines.Add(line);
    }
}
