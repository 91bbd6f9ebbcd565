namespace Esp32Mqtt.Broker.Transport.Framing;

/// <summary>Which part of an MQTT packet <see cref="PacketGuardStream"/> is reading (OASIS MQTT 3.1.1, section 2.2).</summary>
internal enum FramingPart
{
    /// <summary>The first byte: packet type and flags.</summary>
    FixedHeader,

    /// <summary>The one to four bytes of the remaining length.</summary>
    RemainingLength,

    /// <summary>The variable header and payload.</summary>
    Body,
}
