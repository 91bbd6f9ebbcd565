namespace Esp32Mqtt.Broker.Transport.Connections;

/// <summary>
/// Whether another connection's CONNECT with this connection's client id is pending. Until it is accepted or refused,
/// the connection takes no shortcut past MQTTnet (no direct writes, no inline publishes): MQTTnet decides what happens to
/// its messages, as it would without the shortcuts, and a refused CONNECT leaves the connection as it was.
/// </summary>
internal sealed class ConnectionTakeover
{
    private int _pending;

    /// <summary>Whether a CONNECT with this connection's client id is pending on another connection.</summary>
    public bool IsPending => Volatile.Read(ref _pending) != 0;

    /// <summary>The connection whose client id this connection's pending CONNECT uses, until it is accepted.</summary>
    public ConnectionTakeover? Of { get; set; }

    /// <summary>A CONNECT with this connection's client id arrived on another connection.</summary>
    public void Begin()
    {
        Interlocked.Increment(ref _pending);
    }

    /// <summary>That CONNECT was refused: the connection goes on as before.</summary>
    public void End()
    {
        Interlocked.Decrement(ref _pending);
    }
}
