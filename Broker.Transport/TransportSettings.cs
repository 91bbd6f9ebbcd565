namespace Esp32Mqtt.Broker.Transport;

/// <summary>The broker settings a transport works with, already validated by the broker.</summary>
public sealed class TransportSettings
{
    /// <summary>The value of <see cref="BindAddress"/> that means every network interface, IPv4 and IPv6.</summary>
    public const string AllInterfaces = "*";

    /// <summary>Address to listen on: <see cref="AllInterfaces"/> or one IP address of this computer.</summary>
    public required string BindAddress { get; init; }

    /// <summary>TCP port; 0 picks a free one (<see cref="IBrokerTransport.LocalEndPoint"/> then tells which).</summary>
    public required int Port { get; init; }

    /// <summary>The largest PUBLISH payload: a bigger one is dropped and its connection closed.</summary>
    public required int MaxPayloadBytes { get; init; }

    /// <summary>The largest remaining length a packet may declare before its connection is closed unread.</summary>
    public required int MaxPacketBytes { get; init; }

    /// <summary>Seconds a connection may take to send CONNECT (only named in the line that reports a silent one).</summary>
    public required int ConnectTimeoutSeconds { get; init; }

    /// <summary>
    /// Messages queued for one client in MQTTnet; from three quarters of it on, publishers wait for that client.
    /// </summary>
    public required int MaxPendingMessagesPerClient { get; init; }

    /// <summary>
    /// Makes a client id for an MQTT 3.1/3.1.1 client that connects with an empty one and a clean session, which
    /// OASIS MQTT 3.1.1 section 3.1.3.1 allows and MQTTnet 5.2 refuses (MqttClientSessionsManager.ValidateConnection
    /// assigns ids for MQTT 5 only), so the transport fills it in before MQTTnet reads the CONNECT.
    /// </summary>
    public required Func<string> AssignClientId { get; init; }

    /// <summary>Told about every connection the transport refused or gave up on (see <see cref="ConnectionProblem"/>).</summary>
    public required Action<ConnectionProblem> ReportProblem { get; init; }
}
