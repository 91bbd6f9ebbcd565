namespace Esp32Mqtt.Broker.Transport.Framing;

/// <summary>Why <see cref="PacketGuardStream"/> closed a connection.</summary>
internal enum RejectionKind
{
    /// <summary>The first bytes were not an MQTT CONNECT packet (garbage, HTTP, TLS, ...).</summary>
    NotMqtt,

    /// <summary>A packet declared a length above the limit.</summary>
    Oversized,

    /// <summary>A PUBLISH carried more than Broker:MaxPayloadBytes of payload (checked once the packet is decoded).</summary>
    PayloadTooLarge,

    /// <summary>A packet's remaining-length field was longer than four bytes (OASIS MQTT 3.1.1, section 2.2.3).</summary>
    MalformedLength,
}
