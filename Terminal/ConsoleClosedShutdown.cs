using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;

namespace Esp32Mqtt.Terminal;

/// <summary>
/// Stops the host cleanly when its console goes away: the window is closed on Windows, the terminal hangs up on Linux
/// and macOS. The host's own console lifetime stops it on Ctrl-C, Ctrl-Break and SIGTERM only (SIGINT, SIGQUIT and
/// SIGTERM in ConsoleLifetime.netcoreapp.cs, Microsoft.Extensions.Hosting 10), so without this a closed window ended
/// the program at once, skipping what stopping does (the broker's last retained writes and its goodbye on the network,
/// the board's clean disconnect).
/// </summary>
internal sealed class ConsoleClosedShutdown(IHostApplicationLifetime lifetime) : IHostedService, IDisposable
{
    // .NET maps SIGHUP to CTRL_CLOSE_EVENT on Windows (PosixSignalRegistration.Windows.cs, .NET 10) and calls the
    // handler on the thread Windows starts for the event; Windows ends the process when the handler returns, or 5 s
    // after the event (HandlerRoutine, Windows console documentation). So the handler waits for the stop, within that.
    private static readonly TimeSpan s_longestWait = TimeSpan.FromSeconds(4);

    private PosixSignalRegistration? _registration;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnConsoleClosed);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _registration?.Dispose();
    }

    private void OnConsoleClosed(PosixSignalContext context)
    {
        context.Cancel = true;
        lifetime.StopApplication();
        _ = lifetime.ApplicationStopped.WaitHandle.WaitOne(s_longestWait);
    }
}
