using System.Diagnostics;
using Esp32Mqtt.Broker.Benchmarks.Interop;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>
/// A broker process with redirected standard streams (its console never steals this terminal's input), the last
/// lines of its output kept for error messages, and a stop that asks first (SIGTERM) and then kills.
/// </summary>
internal sealed class BrokerProcess
{
    private const int KeptLines = 30;
    private const int TerminateSignal = 15;
    private static readonly TimeSpan s_gracefulStop = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan s_killWait = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private BrokerProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether it has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines it wrote to standard output or error.</summary>
    public string OutputTail
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join(Environment.NewLine, _lastLines);
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static BrokerProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        ProcessStartInfo startInfo = new(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process process = new() { StartInfo = startInfo };
        BrokerProcess broker = new(process);
        process.OutputDataReceived += (_, line) => broker.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => broker.Keep(line.Data);
        _ = process.Start();
        ProcessReaper.Track(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return broker;
    }

    /// <summary>Asks the process to stop, kills it if it has not within a few seconds, and waits until it is gone.</summary>
    public void Stop()
    {
        try
        {
            if (!_process.HasExited)
            {
                _ = LibC.Kill(_process.Id, TerminateSignal);
                if (!_process.WaitForExit(s_gracefulStop))
                {
                    _process.Kill(entireProcessTree: true);
                    _ = _process.WaitForExit(s_killWait);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
        finally
        {
            ProcessReaper.Forget(_process);
            _process.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > KeptLines)
            {
                _ = _lastLines.Dequeue();
            }
        }
    }
}
