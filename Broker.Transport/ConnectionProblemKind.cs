namespace Esp32Mqtt.Broker.Transport;

/// <summary>The kinds of <see cref="ConnectionProblem"/>.</summary>
public enum ConnectionProblemKind
{
    /// <summary>What the client sent was refused: not MQTT, a packet or payload too large, a malformed length.</summary>
    Refused,

    /// <summary>The client sent no whole CONNECT within the connect timeout.</summary>
    NoConnect,

    /// <summary>The client closed the connection before sending CONNECT (a port scan, a health check).</summary>
    ClosedBeforeConnect,

    /// <summary>The client sent nothing for longer than its keep-alive allows; its connection is being closed.</summary>
    KeepAliveExpired,
}
