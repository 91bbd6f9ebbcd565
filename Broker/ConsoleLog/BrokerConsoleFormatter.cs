using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Esp32Mqtt.Broker.ConsoleLog;

/// <summary>Writes each log entry as one short line, <c>12:00:01 message</c>, for a person watching the console.</summary>
public sealed class BrokerConsoleFormatter : ConsoleFormatter
{
    /// <summary>The name to put in <c>Logging:Console:FormatterName</c>.</summary>
    public const string FormatterName = "broker";

    private const string TimeFormat = "HH:mm:ss";

    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the formatter with the system clock.</summary>
    public BrokerConsoleFormatter()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates the formatter with the given clock.</summary>
    public BrokerConsoleFormatter(TimeProvider timeProvider)
        : base(FormatterName)
    {
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        string message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        textWriter.Write(_timeProvider.GetLocalNow().ToString(TimeFormat, System.Globalization.CultureInfo.InvariantCulture));
        textWriter.Write(' ');
        textWriter.Write(LevelPrefix(logEntry.LogLevel, logEntry.Category));
        textWriter.Write(message);
        WriteException(logEntry.LogLevel, logEntry.Exception, textWriter);
        textWriter.Write(Environment.NewLine);
    }

    private static string LevelPrefix(LogLevel level, string category)
    {
        return level switch
        {
            LogLevel.Trace or LogLevel.Debug => $"debug [{category}]: ",
            LogLevel.Error or LogLevel.Critical => "error: ",
            _ => string.Empty,
        };
    }

    private static void WriteException(LogLevel level, Exception? exception, TextWriter textWriter)
    {
        if (exception is null)
        {
            return;
        }

        // A person at the console gets the reason in one line; the stack trace only when they asked for debug output.
        if (level <= LogLevel.Debug)
        {
            textWriter.Write(Environment.NewLine);
            textWriter.Write(exception.ToString());
        }
        else
        {
            textWriter.Write($" ({exception.GetType().Name}: {exception.Message})");
        }
    }
}
