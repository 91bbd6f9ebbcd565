using System.Net.Sockets;

namespace Esp32Mqtt.Broker.Benchmarks.Protocol;

/// <summary>
/// Reads exactly one packet from a blocking socket, for the set-up exchanges (CONNACK, SUBACK, PINGRESP) where
/// nothing else may be read past it; throughput paths use <see cref="FrameReader"/> instead.
/// </summary>
internal static class HandshakeReader
{
    private const int HeaderTypeBytes = 1;

    /// <summary>Reads one packet: its type and body.</summary>
    public static (byte Type, byte[] Body) ReadPacket(Socket socket)
    {
        Span<byte> header = stackalloc byte[HeaderTypeBytes + RemainingLength.MostBytes];
        ReadExactly(socket, header[..HeaderTypeBytes]);
        int lengthBytes = 0;
        int bodyLength;
        while (true)
        {
            ReadExactly(socket, header.Slice(HeaderTypeBytes + lengthBytes, 1));
            lengthBytes++;
            if (RemainingLength.TryRead(header.Slice(HeaderTypeBytes, lengthBytes), out bodyLength, out _))
            {
                break;
            }
        }

        byte[] body = new byte[bodyLength];
        ReadExactly(socket, body);
        return (PacketType.TypeOf(header[0]), body);
    }

    private static void ReadExactly(Socket socket, Span<byte> destination)
    {
        while (destination.Length > 0)
        {
            int read = socket.Receive(destination);
            if (read == 0)
            {
                throw new IOException("The broker closed the connection during the handshake.");
            }

            destination = destination[read..];
        }
    }
}
