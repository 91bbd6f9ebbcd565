namespace Esp32Mqtt.Broker.Events;

/// <summary>Why a <see cref="ConnectionRefused"/> happened.</summary>
public enum RefusalKind
{
    /// <summary>The CONNECT was answered with a refusal: credentials, client id.</summary>
    Credentials,

    /// <summary>What arrived was not MQTT, or too large: the connection was closed.</summary>
    BadInput,

    /// <summary>No CONNECT arrived in time.</summary>
    NoConnect,

    /// <summary>The client closed before sending CONNECT (a port scan, a health check).</summary>
    ClosedBeforeConnect,

    /// <summary>An accepted client fell silent past its keep-alive; its connection is being closed.</summary>
    KeepAliveExpired,
}
