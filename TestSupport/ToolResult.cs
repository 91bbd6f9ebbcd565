namespace Esp32Mqtt.TestSupport;

/// <summary>How a command-line tool run ended.</summary>
/// <param name="ExitCode">The exit code; -1 when it was killed for taking too long.</param>
/// <param name="StandardOutput">Everything it wrote to standard output.</param>
/// <param name="StandardError">Everything it wrote to standard error.</param>
/// <param name="TimedOut">Whether it was killed at the timeout.</param>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut)
{
    /// <summary>A one-line summary for assertion messages.</summary>
    public override string ToString()
    {
        return $"exit {ExitCode}{(TimedOut ? " (timed out)" : string.Empty)}; stdout: {StandardOutput.Trim()}; stderr: {StandardError.Trim()}";
    }
}
