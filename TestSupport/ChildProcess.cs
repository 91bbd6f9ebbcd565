using System.Diagnostics;
using Xunit;

namespace Esp32Mqtt.TestSupport;

/// <summary>
/// A started process whose output lines are collected as they arrive, which can be waited on with a timeout,
/// and whose whole process tree is killed on dispose, so no test leaves a process behind.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _outputLines = [];
    private readonly List<string> _errorLines = [];
    private readonly object _gate = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Writes to the process's standard input.</summary>
    public StreamWriter StandardInput => _process.StandardInput;

    /// <summary>Lines written to standard output so far.</summary>
    public IReadOnlyList<string> OutputLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _outputLines];
            }
        }
    }

    /// <summary>Lines written to standard error so far.</summary>
    public IReadOnlyList<string> ErrorLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _errorLines];
            }
        }
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once ended.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="fileName"/> with standard input, output and error redirected.</summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        ProcessStartInfo startInfo = new(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (KeyValuePair<string, string?> variable in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[variable.Key] = variable.Value;
        }

        Process process = new() { StartInfo = startInfo };
        ChildProcess child = new(process);
        process.OutputDataReceived += (_, line) => child.Collect(line.Data, child._outputLines, child._outputClosed);
        process.ErrorDataReceived += (_, line) => child.Collect(line.Data, child._errorLines, child._errorClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until a standard-output line satisfies <paramref name="predicate"/> and returns it.</summary>
    public async Task<string> WaitForOutputLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        string? found = null;
        await Eventually.UntilAsync(
            () =>
            {
                found = OutputLines.FirstOrDefault(predicate);
                return found is not null || HasExited;
            },
            timeout,
            "a matching output line").ConfigureAwait(false);
        return found ?? throw new InvalidOperationException($"The process exited with code {ExitCode} first. Output: {string.Join(" | ", OutputLines)} Errors: {string.Join(" | ", ErrorLines)}");
    }

    /// <summary>Waits for the process to end and for all its output to be collected.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using CancellationTokenSource cancellation = new(timeout);
        await _process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
        await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(timeout).ConfigureAwait(false);
    }

    /// <summary>Kills the process and its children at once, like <c>kill -9</c>, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync(TestTimeouts.Process).ConfigureAwait(false);
    }

    /// <summary>Sends SIGTERM, as a service manager or <c>kill</c> does, to ask for a clean stop.</summary>
    public void Terminate()
    {
        const int SigTerm = 15;
        Signal(SigTerm);
    }

    /// <summary>
    /// Sends SIGHUP, as a terminal does when its window closes; .NET raises the same signal for a closed console
    /// window on Windows.
    /// </summary>
    public void HangUp()
    {
        const int SigHup = 1;
        Signal(SigHup);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TestTimeouts.Process);
            }
        }
        catch (InvalidOperationException)
        {
            // It had not started or is already gone.
        }

        _process.Dispose();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);

    private void Signal(int signal)
    {
        // Windows sends console events (Ctrl-C, close) to every process attached to a console
        // (GenerateConsoleCtrlEvent), never to one child alone: a test that needs one is skipped there.
        Skip.If(OperatingSystem.IsWindows(), "Sending a signal to one process needs Linux or macOS.");
        _ = Kill(_process.Id, signal);
    }

    private void Collect(string? line, List<string> lines, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (_gate)
        {
            lines.Add(line);
        }
    }
}
