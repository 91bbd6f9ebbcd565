using System.Net;
using Esp32Mqtt.Broker.Configuration;
using Esp32Mqtt.Broker.Observation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Esp32Mqtt.Broker.Transport;

/// <summary>
/// Reports connections closed before they became MQTT clients (garbage, HTTP, TLS, oversized packets, silence),
/// at most a few lines per window, so a flood of bad connections cannot flood the console.
/// </summary>
public sealed partial class ConnectionProblemLog : IDisposable
{
    private const int LinesPerWindow = 5;
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(10);

    private readonly ILogger _logger;
    private readonly BrokerOptions _options;
    private readonly LogThrottle _throttle;

    /// <summary>Creates the log on the connections category.</summary>
    public ConnectionProblemLog(ILoggerFactory loggerFactory, IOptions<BrokerOptions> options, TimeProvider timeProvider)
    {
        _logger = loggerFactory.CreateLogger(LogCategories.Connections);
        _options = options.Value;
        _throttle = new LogThrottle(LinesPerWindow, s_window, timeProvider, (count, window) => LogSuppressed(_logger, count, (int)window.TotalSeconds));
    }

    /// <summary>Reports a connection closed by <see cref="PacketGuardStream"/> or <see cref="ClientChannelAdapter"/>.</summary>
    public void Rejected(IPEndPoint remote, PacketGuardRejection rejection)
    {
        if (_logger.IsEnabled(LogLevel.Warning) && _throttle.TryEnter())
        {
            LogClosed(_logger, EndpointText.Format(remote), rejection.Describe(_options.MaxPacketBytes, _options.MaxPayloadBytes));
        }
    }

    /// <summary>Reports a connection closed before MQTT began for <paramref name="reason"/> (a failed TLS handshake, say).</summary>
    public void Closed(IPEndPoint remote, string reason)
    {
        if (_logger.IsEnabled(LogLevel.Warning) && _throttle.TryEnter())
        {
            LogClosed(_logger, EndpointText.Format(remote), reason);
        }
    }

    /// <summary>Reports how a connection that never became an MQTT client ended, if that says something useful.</summary>
    public void Ended(IPEndPoint remote, PacketGuardStream guard, bool brokerStopping)
    {
        if (guard.ConnectPacketReceived || guard.Rejection is not null || brokerStopping)
        {
            return;
        }

        string endpoint = EndpointText.Format(remote);
        if (guard.ClientClosed)
        {
            LogClosedByClient(_logger, endpoint, guard.BytesReceived);
            return;
        }

        if (_logger.IsEnabled(LogLevel.Warning) && _throttle.TryEnter())
        {
            string sent = guard.BytesReceived == 0 ? "it sent nothing" : $"it sent only {guard.BytesReceived} bytes, not a whole CONNECT packet";
            LogTimedOut(_logger, endpoint, _options.ConnectTimeoutSeconds, sent);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _throttle.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "closed the connection from {Remote}: {Reason}")]
    private static partial void LogClosed(ILogger logger, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "closed the connection from {Remote} after {Seconds} s: {Sent} (an MQTT client starts by sending CONNECT; Broker:ConnectTimeoutSeconds)")]
    private static partial void LogTimedOut(ILogger logger, string remote, int seconds, string sent);

    [LoggerMessage(Level = LogLevel.Debug, Message = "the connection from {Remote} closed before sending CONNECT ({Bytes} bytes received)")]
    private static partial void LogClosedByClient(ILogger logger, string remote, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} more connection problems in the last {Seconds} s were not shown")]
    private static partial void LogSuppressed(ILogger logger, int count, int seconds);
}
