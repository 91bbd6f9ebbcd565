using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Diagnostics.Logger;

namespace Esp32Mqtt.Broker.ConsoleLog;

/// <summary>
/// Passes MQTTnet's own diagnostics to the category <c>MQTTnet</c>.
/// MQTTnet asks only <see cref="IsEnabled"/> before building every message, including one per queued
/// PUBLISH, so this reports enabled only when that category is switched on at all (it is off by default),
/// and answers from a flag refreshed when the logging settings change rather than asking the logger each time.
/// </summary>
public sealed partial class MqttNetLogBridge : IMqttNetLogger, IDisposable
{
    private readonly ILogger _logger;
    private readonly IDisposable? _filterChangeRegistration;
    private volatile bool _enabled;

    /// <summary>Creates the bridge on the <c>MQTTnet</c> category.</summary>
    public MqttNetLogBridge(ILoggerFactory loggerFactory, IOptionsMonitor<LoggerFilterOptions> loggerFilterOptions)
    {
        _logger = loggerFactory.CreateLogger(LogCategories.MqttNet);
        _enabled = _logger.IsEnabled(LogLevel.Error);
        _filterChangeRegistration = loggerFilterOptions.OnChange(_ => _enabled = _logger.IsEnabled(LogLevel.Error));
    }

    /// <inheritdoc />
    public bool IsEnabled => _enabled;

    /// <inheritdoc />
    public void Publish(MqttNetLogLevel logLevel, string source, string message, object[] parameters, Exception exception)
    {
        LogLevel level = logLevel switch
        {
            MqttNetLogLevel.Verbose => LogLevel.Trace,
            MqttNetLogLevel.Info => LogLevel.Debug,
            MqttNetLogLevel.Warning => LogLevel.Warning,
            _ => LogLevel.Error,
        };
        if (!_logger.IsEnabled(level))
        {
            return;
        }

        Write(_logger, level, source, Format(message, parameters), exception);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _filterChangeRegistration?.Dispose();
    }

    private static string Format(string message, object[]? parameters)
    {
        if (parameters is null || parameters.Length == 0)
        {
            return message;
        }

        try
        {
            return string.Format(CultureInfo.InvariantCulture, message, parameters);
        }
        catch (FormatException)
        {
            return message;
        }
    }

    [LoggerMessage(Message = "MQTTnet {Source}: {Text}")]
    private static partial void Write(ILogger logger, LogLevel level, string source, string text, Exception? exception);
}
