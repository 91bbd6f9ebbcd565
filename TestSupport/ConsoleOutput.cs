using System.Text;

namespace Esp32Mqtt.TestSupport;

/// <summary>A console output for the in-process broker that keeps what was written (banner, command output).</summary>
public sealed class ConsoleOutput : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly object _gate = new();

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Everything written so far.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Waits until the output contains <paramref name="expected"/>.</summary>
    public async Task WaitForAsync(string expected)
    {
        try
        {
            await Eventually.UntilAsync(() => Text.Contains(expected, StringComparison.Ordinal), TestTimeouts.Short, $"console output '{expected}'").ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message} Output so far:{Environment.NewLine}{Text}", exception);
        }
    }

    /// <inheritdoc />
    public override void Write(char value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        lock (_gate)
        {
            _text.Append(value);
        }
    }
}
