using System.Runtime.InteropServices;
using Esp32Mqtt.Broker.Benchmarks.Brokers;
using Esp32Mqtt.Broker.Benchmarks.Cli;

namespace Esp32Mqtt.Broker.Benchmarks.Running;

/// <summary>
/// Turns Ctrl-C, SIGTERM and SIGHUP into a cancellation and kills every broker at once; a second signal exits
/// immediately. A normal or crashing exit kills the brokers too. (Only SIGKILL of this process can leave a broker
/// behind; its temporary folder's name, esp32mqtt-bench-*, tells where it came from.)
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;

    /// <summary>Installs the handlers.</summary>
    public ShutdownSignals()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal),
        ];
    }

    /// <summary>Cancelled when a stop is asked for.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        ProcessReaper.KillAll();
        _cancellation.Dispose();
    }

    private static void OnExit(object? sender, EventArgs arguments)
    {
        ProcessReaper.KillAll();
    }

    private static void OnUnhandledException(object? sender, UnhandledExceptionEventArgs arguments)
    {
        ProcessReaper.KillAll();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs arguments)
    {
        arguments.Cancel = true;
        RequestStop();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        RequestStop();
    }

    private void RequestStop()
    {
        ProcessReaper.KillAll();
        if (_cancellation.IsCancellationRequested)
        {
            Environment.Exit(ExitCodes.Interrupted);
        }

        Console.Error.WriteLine("Stopping: brokers killed; press Ctrl-C again to exit at once.");
        _cancellation.Cancel();
    }
}
