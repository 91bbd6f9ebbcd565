namespace Esp32Mqtt.Broker.Transport.KeepAlive;

/// <summary>
/// The keep-alive of one accepted connection (OASIS MQTT 3.1.1 section 3.1.2.10): a client that sends no packet for one
/// and a half times its keep-alive period has run out, and the broker closes the connection as a network failure, so its
/// will is published. Looked at by <see cref="KeepAliveMonitor"/>, one look at a time, with the count of packets the
/// connection has read so far. It reports running out once, so that a connection whose close takes longer than the time
/// between two looks is neither logged nor closed a second time.
/// </summary>
internal sealed class KeepAliveDeadline
{
    private const long NotLookedAt = -1;

    private readonly TimeSpan _allowedSilence;
    private long _packetsSeen = NotLookedAt;
    private long _lastPacketSeenAt;
    private bool _ranOut;

    /// <summary>Watches a client that declared <paramref name="keepAliveSeconds"/> in its CONNECT; 0 turns the watch off.</summary>
    public KeepAliveDeadline(ushort keepAliveSeconds)
    {
        KeepAliveSeconds = keepAliveSeconds;
        _allowedSilence = TimeSpan.FromSeconds(keepAliveSeconds * 1.5);
    }

    /// <summary>The keep-alive the client declared, in seconds.</summary>
    public ushort KeepAliveSeconds { get; }

    /// <summary>
    /// Whether this look is the one that finds the client silent for longer than its keep-alive allows, given the
    /// <paramref name="packetsRead"/> of its connection at <paramref name="now"/> (a <paramref name="timeProvider"/>
    /// timestamp). A count that moved since the last look, or the first look, counts as a packet seen now. Once it has
    /// answered yes, every later look answers no.
    /// </summary>
    public bool HasJustRunOut(long packetsRead, long now, TimeProvider timeProvider)
    {
        if (_allowedSilence == TimeSpan.Zero || _ranOut)
        {
            return false;
        }

        if (packetsRead != _packetsSeen)
        {
            _packetsSeen = packetsRead;
            _lastPacketSeenAt = now;
            return false;
        }

        _ranOut = timeProvider.GetElapsedTime(_lastPacketSeenAt, now) > _allowedSilence;
        return _ranOut;
    }
}
