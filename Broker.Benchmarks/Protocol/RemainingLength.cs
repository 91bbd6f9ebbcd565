namespace Esp32Mqtt.Broker.Benchmarks.Protocol;

/// <summary>
/// The fixed header's "remaining length": 7 bits per byte, least significant first, high bit set on every byte but
/// the last, at most 4 bytes (OASIS MQTT 3.1.1, section 2.2.3).
/// </summary>
internal static class RemainingLength
{
    /// <summary>The most bytes the encoding may take.</summary>
    public const int MostBytes = 4;

    private const int ValueBits = 7;
    private const int ValueMask = 0x7F;
    private const int ContinuationBit = 0x80;

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/> and returns the bytes written.</summary>
    public static int Write(Span<byte> destination, int value)
    {
        int written = 0;
        do
        {
            int digit = value & ValueMask;
            value >>= ValueBits;
            destination[written++] = (byte)(value > 0 ? digit | ContinuationBit : digit);
        }
        while (value > 0);

        return written;
    }

    /// <summary>
    /// Reads a remaining length from the start of <paramref name="source"/>; false when more bytes are needed.
    /// Throws on a fifth length byte, which no valid packet has.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out int value, out int bytesRead)
    {
        value = 0;
        for (int index = 0; index < MostBytes; index++)
        {
            if (index >= source.Length)
            {
                bytesRead = 0;
                return false;
            }

            byte digit = source[index];
            value |= (digit & ValueMask) << (ValueBits * index);
            if ((digit & ContinuationBit) == 0)
            {
                bytesRead = index + 1;
                return true;
            }
        }

        throw new InvalidDataException("Malformed remaining length: more than four bytes.");
    }
}
