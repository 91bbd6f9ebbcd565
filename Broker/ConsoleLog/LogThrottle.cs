namespace Esp32Mqtt.Broker.ConsoleLog;

/// <summary>
/// Lets at most a fixed number of lines through per time window and reports how many it held back,
/// so a flood of connections or messages cannot flood the console.
/// </summary>
public sealed class LogThrottle : IDisposable
{
    private readonly int _linesPerWindow;
    private readonly TimeSpan _window;
    private readonly TimeProvider _timeProvider;
    private readonly Action<int, TimeSpan> _reportSuppressed;
    private readonly object _gate = new();
    private long _windowStart;
    private int _linesInWindow;
    private int _suppressed;
    private ITimer? _reportTimer;

    /// <summary>Creates a throttle that calls <paramref name="reportSuppressed"/> once per window in which lines were held back.</summary>
    public LogThrottle(int linesPerWindow, TimeSpan window, TimeProvider timeProvider, Action<int, TimeSpan> reportSuppressed)
    {
        _linesPerWindow = linesPerWindow;
        _window = window;
        _timeProvider = timeProvider;
        _reportSuppressed = reportSuppressed;
        _windowStart = timeProvider.GetTimestamp();
    }

    /// <summary>Whether the caller may write its line now; if not, the line is counted for the next summary.</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            long now = _timeProvider.GetTimestamp();
            if (_timeProvider.GetElapsedTime(_windowStart, now) >= _window && _suppressed == 0)
            {
                _windowStart = now;
                _linesInWindow = 0;
            }

            if (_linesInWindow < _linesPerWindow && _suppressed == 0)
            {
                _linesInWindow++;
                return true;
            }

            if (_suppressed++ == 0)
            {
                TimeSpan untilWindowEnd = _window - _timeProvider.GetElapsedTime(_windowStart, now);
                _reportTimer?.Dispose();
                _reportTimer = _timeProvider.CreateTimer(_ => Report(), null, untilWindowEnd > TimeSpan.Zero ? untilWindowEnd : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }

            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _reportTimer?.Dispose();
            _reportTimer = null;
        }
    }

    private void Report()
    {
        int suppressed;
        lock (_gate)
        {
            suppressed = _suppressed;
            _suppressed = 0;
            _linesInWindow = 0;
            _windowStart = _timeProvider.GetTimestamp();
        }

        if (suppressed > 0)
        {
            _reportSuppressed(suppressed, _window);
        }
    }
}
