using Microsoft.Extensions.Logging;

namespace Esp32Mqtt.TestSupport;

/// <summary>A logger provider that keeps every line, so tests can wait for and assert on what a person would see.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly List<CapturedLogLine> _lines = [];
    private readonly object _gate = new();

    /// <summary>Every line so far.</summary>
    public IReadOnlyList<CapturedLogLine> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Waits for a line whose message satisfies <paramref name="predicate"/> and returns it.</summary>
    public async Task<CapturedLogLine> WaitForAsync(Func<string, bool> predicate, TimeSpan? timeout = null)
    {
        CapturedLogLine? found = null;
        try
        {
            await Eventually.UntilAsync(() => (found = Lines.FirstOrDefault(line => predicate(line.Message))) is not null, timeout ?? TestTimeouts.Short, "a log line").ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message} Lines so far:{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}", exception);
        }

        return found!;
    }

    /// <summary>Waits for a line containing <paramref name="text"/>.</summary>
    public Task<CapturedLogLine> WaitForAsync(string text, TimeSpan? timeout = null)
    {
        return WaitForAsync(message => message.Contains(text, StringComparison.Ordinal), timeout);
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName)
    {
        return new CapturingLogger(this, categoryName);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>Records one line.</summary>
    internal void Add(CapturedLogLine line)
    {
        lock (_gate)
        {
            _lines.Add(line);
        }
    }
}
