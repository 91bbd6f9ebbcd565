using Esp32Mqtt.Broker.ConsoleLog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Esp32Mqtt.Broker.ConsoleCommands;

/// <summary>
/// Reads console lines and hands them to <see cref="ConsoleCommandExecutor"/>. Reading runs on its own thread because
/// Console.In blocks and cannot be cancelled; at end of input (stdin closed, or /dev/null) reading stops quietly and
/// the broker keeps running.
/// </summary>
public sealed partial class ConsoleCommandService : BackgroundService
{
    private readonly BrokerConsole _console;
    private readonly ConsoleCommandExecutor _executor;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    public ConsoleCommandService(BrokerConsole console, ConsoleCommandExecutor executor, ILoggerFactory loggerFactory)
    {
        _console = console;
        _executor = executor;
        _logger = loggerFactory.CreateLogger(LogCategories.Broker);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Task reading = Task.Factory.StartNew(() => ReadLines(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // Return when stopping even if a read is still blocked; the process exit ends that thread.
        return Task.WhenAny(reading, Task.Delay(Timeout.Infinite, stoppingToken));
    }

    private void ReadLines(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            string? line;
            try
            {
                line = _console.Input.ReadLine();
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
            {
                line = null;
            }

            if (line is null)
            {
                LogInputClosed(_logger);
                return;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                _executor.ExecuteAsync(line).GetAwaiter().GetResult();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A command that fails (the server stopping under it, say) must not end console input.
                LogCommandFailed(_logger, line, exception.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "console input ended; the broker keeps running (stop it with Ctrl-C)")]
    private static partial void LogInputClosed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the console command '{Line}' failed: {Reason}")]
    private static partial void LogCommandFailed(ILogger logger, string line, string reason);
}
