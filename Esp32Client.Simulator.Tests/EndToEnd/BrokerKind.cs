namespace Esp32Client.Simulator.Tests.EndToEnd;

/// <summary>The brokers the device loop is tested against.</summary>
public enum BrokerKind
{
    /// <summary>This repository's broker (Broker.dll as a process).</summary>
    Ours,

    /// <summary>Debian's Mosquitto, a broker nobody here wrote.</summary>
    Mosquitto,

    /// <summary>Debian's RabbitMQ with its MQTT plugin: a clustered broker, as schools and hosted services run.</summary>
    RabbitMq,
}
