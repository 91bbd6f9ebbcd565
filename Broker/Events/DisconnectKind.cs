namespace Esp32Mqtt.Broker.Events;

/// <summary>How a client's connection ended.</summary>
public enum DisconnectKind
{
    /// <summary>It sent DISCONNECT: no will is published, unless an MQTT 5 client's reason code asks for it.</summary>
    Clean,

    /// <summary>It went away without DISCONNECT, or its keep-alive ran out: its will, if any, is published.</summary>
    Lost,

    /// <summary>A new connection with the same client id replaced it.</summary>
    TakenOver,
}
