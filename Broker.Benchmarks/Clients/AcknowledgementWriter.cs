using System.Buffers.Binary;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>Collects the PUBACKs owed for one read's QoS 1 messages and sends them with one send().</summary>
internal sealed class AcknowledgementWriter
{
    private const int InitialAcknowledgements = 4096;
    private static readonly byte[] s_template = PacketEncoder.PublishAcknowledgement(0);

    private byte[] _buffer = new byte[InitialAcknowledgements * s_template.Length];
    private int _length;

    /// <summary>Queues a PUBACK for <paramref name="packetIdentifier"/>.</summary>
    public void Add(ushort packetIdentifier)
    {
        if (_length + s_template.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        s_template.CopyTo(_buffer, _length);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(_length + s_template.Length - PacketEncoder.PacketIdentifierBytes), packetIdentifier);
        _length += s_template.Length;
    }

    /// <summary>Sends the queued PUBACKs, if any.</summary>
    public void Flush(Socket socket)
    {
        if (_length > 0)
        {
            SocketSending.SendAll(socket, _buffer.AsSpan(0, _length));
            _length = 0;
        }
    }
}
