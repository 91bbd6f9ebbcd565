namespace Esp32Client.Core
{
    /// <summary>How a connection attempt ended.</summary>
    public enum MqttConnectOutcome
    {
        /// <summary>The broker accepted the connection.</summary>
        Connected,

        /// <summary>The broker answered and refused (CONNACK with an error code, e.g. bad user name or password).</summary>
        Refused,

        /// <summary>The broker could not be reached (DNS, TCP refused, timeout, TLS failure).</summary>
        Unreachable,
    }
}
