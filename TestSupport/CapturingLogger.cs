using Microsoft.Extensions.Logging;

namespace Esp32Mqtt.TestSupport;

/// <summary>The logger <see cref="LogCapture"/> hands out: every level is on, every line is kept.</summary>
internal sealed class CapturingLogger(LogCapture capture, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        return null;
    }

    public bool IsEnabled(LogLevel logLevel)
    {
        return logLevel != LogLevel.None;
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        capture.Add(new CapturedLogLine(category, logLevel, formatter(state, exception)));
    }
}
