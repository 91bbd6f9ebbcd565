namespace Esp32Mqtt.TestSupport;

/// <summary>Runs a command-line tool to completion with a timeout and returns its exit code and output.</summary>
public static class CommandLineTool
{
    /// <summary>Runs <paramref name="fileName"/>; a run longer than <paramref name="timeout"/> is killed and reported as timed out.</summary>
    public static async Task<ToolResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? standardInput = null)
    {
        using ChildProcess process = ChildProcess.Start(fileName, arguments);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput).ConfigureAwait(false);
        }

        process.StandardInput.Close();
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(timeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException)
        {
            timedOut = true;
            await process.KillAsync().ConfigureAwait(false);
        }

        return new ToolResult(
            timedOut ? -1 : process.ExitCode,
            string.Join(Environment.NewLine, process.OutputLines),
            string.Join(Environment.NewLine, process.ErrorLines),
            timedOut);
    }
}
