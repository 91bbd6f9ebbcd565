namespace Esp32Mqtt.Broker.Transport.Mqtt5;

/// <summary>What <see cref="SendQuota.Admit"/> decided for a PUBLISH about to be written.</summary>
internal enum Admission
{
    /// <summary>Write it now; a QoS 1 or 2 PUBLISH has taken a place in flight.</summary>
    WriteNow,

    /// <summary>Held back, behind what is in flight or held before it.</summary>
    Held,

    /// <summary>Held back, and the client has room again: the caller writes out the held packets (<see cref="SendQuota.NextHeld"/>).</summary>
    HeldAndDrain,

    /// <summary>Not taken: as many packets are held as the queue in front of it holds; wait (<see cref="SendQuota.WhenRoomAsync"/>) and ask again.</summary>
    Full,
}
