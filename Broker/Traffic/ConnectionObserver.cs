using System.Globalization;
using Esp32Mqtt.Broker.Hosting;
using Esp32Mqtt.Broker.Observation;
using Esp32Mqtt.Broker.Transport;
using Microsoft.Extensions.Logging;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Traffic;

/// <summary>Writes one line per client connect and disconnect, including whether its last will was published.</summary>
public sealed partial class ConnectionObserver : IMqttServerObserver, IDisposable
{
    private const int LinesPerWindow = 40;
    private static readonly TimeSpan s_window = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger;
    private readonly ConnectionDirectory _directory;
    private readonly LogThrottle _throttle;

    /// <summary>Creates the observer on the connections category.</summary>
    public ConnectionObserver(ILoggerFactory loggerFactory, ConnectionDirectory directory, TimeProvider timeProvider)
    {
        _directory = directory;
        _logger = loggerFactory.CreateLogger(LogCategories.Connections);
        _throttle = new LogThrottle(LinesPerWindow, s_window, timeProvider, (count, window) => LogSuppressed(_logger, count, (int)window.TotalSeconds));
    }

    /// <inheritdoc />
    public void Attach(MqttServer server)
    {
        server.ClientConnectedAsync += OnClientConnectedAsync;
        server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _throttle.Dispose();
    }

    private Task OnClientConnectedAsync(ClientConnectedEventArgs eventArgs)
    {
        if (_logger.IsEnabled(LogLevel.Information) && _throttle.TryEnter())
        {
            string details = DescribeConnection(ProtocolText.Format(eventArgs.ProtocolVersion), _directory.Find(eventArgs.RemoteEndPoint), eventArgs.UserName);
            LogConnected(_logger, eventArgs.ClientId, EndpointText.Format(eventArgs.RemoteEndPoint), details);
        }

        return Task.CompletedTask;
    }

    private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs eventArgs)
    {
        if (!_logger.IsEnabled(LogLevel.Information) || !_throttle.TryEnter())
        {
            return Task.CompletedTask;
        }

        switch (eventArgs.DisconnectType)
        {
            case MqttClientDisconnectType.Clean:
                LogDisconnected(_logger, eventArgs.ClientId);
                break;
            case MqttClientDisconnectType.Takeover:
                LogTakenOver(_logger, eventArgs.ClientId);
                break;
            default:
                // MQTTnet publishes the will exactly when a client that set one goes away without DISCONNECT
                // (MqttConnectedClient.RunAsync), which is this case.
                MqttConnectPacket? connect = _directory.Find(eventArgs.RemoteEndPoint);
                string will = connect is { WillFlag: true } ? $"; last will published to '{connect.WillTopic}'" : string.Empty;
                LogConnectionLost(_logger, eventArgs.ClientId, will);
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>"MQTT 3.1.1, keep-alive 15 s, will 'esp32/x/status', user 'esp32'".</summary>
    private static string DescribeConnection(string protocol, MqttConnectPacket? connect, string? userName)
    {
        List<string> parts = [protocol];
        if (connect is not null)
        {
            parts.Add(connect.KeepAlivePeriod == 0
                ? "no keep-alive"
                : string.Create(CultureInfo.InvariantCulture, $"keep-alive {connect.KeepAlivePeriod} s"));
            if (connect.WillFlag)
            {
                parts.Add($"will '{connect.WillTopic}'");
            }
        }

        if (!string.IsNullOrEmpty(userName))
        {
            parts.Add($"user '{userName}'");
        }

        return string.Join(", ", parts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId} connected from {Remote} ({Details})")]
    private static partial void LogConnected(ILogger logger, string clientId, string remote, string details);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId} disconnected")]
    private static partial void LogDisconnected(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId} lost its connection (closed without DISCONNECT, or its keep-alive ran out){Will}")]
    private static partial void LogConnectionLost(ILogger logger, string clientId, string will);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ClientId} was replaced by a new connection with the same client id (two devices sharing one id push each other out)")]
    private static partial void LogTakenOver(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} more connects and disconnects in the last {Seconds} s were not shown")]
    private static partial void LogSuppressed(ILogger logger, int count, int seconds);
}
