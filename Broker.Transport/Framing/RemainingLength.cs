namespace Esp32Mqtt.Broker.Transport.Framing;

/// <summary>
/// Decodes the remaining-length field of an MQTT fixed header one byte at a time (OASIS MQTT 3.1.1 section 2.2.3):
/// one to four bytes, seven bits of the value in each, least significant first, the top bit set on every byte but the
/// last. The one decoder for <see cref="PacketGuardStream"/>, which follows bytes as they arrive, and
/// <see cref="PacketReader"/>, which splits a buffer into packets.
/// </summary>
internal struct RemainingLength
{
    /// <summary>The most bytes the field may take.</summary>
    public const int MaxBytes = 4;

    private const int ContinuationBit = 0x80;
    private const int ValueMask = 0x7F;
    private const int BitsPerByte = 7;

    /// <summary>The value decoded so far; the whole length once <see cref="Add"/> has returned <see cref="RemainingLengthStep.Complete"/>.</summary>
    public int Value { get; private set; }

    /// <summary>How many bytes of the field have been added.</summary>
    public int ByteCount { get; private set; }

    /// <summary>Adds the field's next byte and says whether the field is complete, goes on, or is longer than allowed.</summary>
    public RemainingLengthStep Add(byte encoded)
    {
        Value |= (encoded & ValueMask) << (BitsPerByte * ByteCount);
        ByteCount++;
        if ((encoded & ContinuationBit) == 0)
        {
            return RemainingLengthStep.Complete;
        }

        return ByteCount == MaxBytes ? RemainingLengthStep.Malformed : RemainingLengthStep.More;
    }
}
