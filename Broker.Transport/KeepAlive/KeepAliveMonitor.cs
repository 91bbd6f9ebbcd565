using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.Connections;
using Microsoft.Extensions.Logging;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport.KeepAlive;

/// <summary>
/// Closes accepted connections whose client has gone silent past its keep-alive (<see cref="KeepAliveDeadline"/>), in place
/// of MQTTnet's monitor (MqttServerKeepAliveMonitor, switched off by the broker: <see cref="IBrokerTransport.SupervisesKeepAlive"/>). MQTTnet's monitor only
/// knows the packets MQTTnet's receive loop has processed, and a lone QoS 0 publish routed inline
/// (<see cref="Shortcuts.PublishInjector"/>) never reaches that loop; this one counts every packet a connection reads. Closing the
/// connection ends MQTTnet's receive loop as a dropped network connection does, so the client's will is published and
/// its disconnection logged. An MQTT 5 client is first sent a DISCONNECT with reason code 0x8D, keep-alive timeout
/// (OASIS MQTT 5.0 section 4.13.2), as MQTTnet's monitor sent it.
/// </summary>
internal sealed partial class KeepAliveMonitor : IDisposable
{
    /// <summary>
    /// How often the connections are looked at: a client is closed at most this much after its keep-alive has run out
    /// (and once more this much late after it was accepted, as the first look starts its watch). MQTTnet's monitor looked
    /// twice as often; a look at 2,000 idle connections costs about a millisecond.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>How long the DISCONNECT to an MQTT 5 client may wait for the connection's writer before it is given up.</summary>
    private static readonly TimeSpan s_disconnectWriteLimit = TimeSpan.FromSeconds(1);

    private readonly AcceptedConnections _connections;
    private readonly ConnectionProblems _problems;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private int _disposed;

    /// <summary>
    /// Watches the connections in <paramref name="connections"/>, on <paramref name="timeProvider"/>'s clock, and tells
    /// <paramref name="problems"/> about each client it closes.
    /// </summary>
    public KeepAliveMonitor(AcceptedConnections connections, ConnectionProblems problems, TimeProvider timeProvider, ILogger logger)
    {
        _connections = connections;
        _problems = problems;
        _timeProvider = timeProvider;
        _logger = logger;

        // Made here, so that the timer does not keep the execution context of whatever attaches the monitor.
        _timer = timeProvider.CreateTimer(_ => LookAtConnections(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts looking, once a second.</summary>
    public void Start()
    {
        _timer.Change(Interval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Looks at every accepted connection once, and closes those whose keep-alive has run out.</summary>
    private void LookAtConnections()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        try
        {
            long now = _timeProvider.GetTimestamp();
            foreach (KeyValuePair<string, StreamChannelAdapter> accepted in _connections.All)
            {
                LookAt(accepted.Key, accepted.Value, now);
            }
        }
        finally
        {
            // Armed again only now, whatever happened: a look never overlaps the one before.
            ArmNextLook();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not close the connection of {ClientId}, whose keep-alive ran out")]
    private static partial void LogCloseFailed(ILogger logger, string clientId, Exception exception);

    private void LookAt(string clientId, StreamChannelAdapter connection, long now)
    {
        if (connection.KeepAlive is not { } watch || !watch.HasJustRunOut(connection.PacketsRead, now, _timeProvider))
        {
            return;
        }

        _problems.KeepAliveExpired(connection.RemoteEndPoint, clientId, watch.KeepAliveSeconds);
        _ = CloseAsync(clientId, connection);
    }

    private async Task CloseAsync(string clientId, StreamChannelAdapter connection)
    {
        try
        {
            if (connection.PacketFormatterAdapter.ProtocolVersion == MqttProtocolVersion.V500)
            {
                await TellKeepAliveTimeoutAsync(connection).ConfigureAwait(false);
            }

            await connection.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // One connection that fails to close does not stop the others from being looked at, nor the process.
            LogCloseFailed(_logger, clientId, exception);
        }
    }

    private static async Task TellKeepAliveTimeoutAsync(StreamChannelAdapter connection)
    {
        using CancellationTokenSource limit = new(s_disconnectWriteLimit);
        try
        {
            await connection.SendPacketAsync(new MqttDisconnectPacket { ReasonCode = MqttDisconnectReasonCode.KeepAliveTimeout }, limit.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A courtesy: a client that cannot take it (a full or broken socket, a writer busy for too long) is closed all
            // the same.
        }
    }

    private void ArmNextLook()
    {
        try
        {
            _timer.Change(Interval, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed during this look: the broker is stopping.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _timer.Dispose();
        }
    }
}
