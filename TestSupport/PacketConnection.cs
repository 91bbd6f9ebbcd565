using System.Net.Sockets;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace Esp32Mqtt.TestSupport;

/// <summary>
/// A raw loopback connection that sends and reads whole MQTT packets, encoded and decoded by MQTTnet's own formatter
/// but with none of its client's behaviour: nothing is acknowledged, resent or checked unless the test does it. For
/// what client libraries hide (holding back PUBACKs, announcing a small packet size, sending a topic alias by hand).
/// </summary>
public sealed class PacketConnection : IDisposable
{
    private const int ContinuationBit = 0x80;
    private const int LengthValueMask = 0x7F;
    private const int LengthBitsPerByte = 7;

    private readonly Socket _socket;
    private readonly MqttPacketFormatterAdapter _formatter;

    private PacketConnection(Socket socket, MqttProtocolVersion version)
    {
        _socket = socket;
        _formatter = new MqttPacketFormatterAdapter(version, new MqttBufferWriter(4096, 65536));
    }

    /// <summary>The size in bytes of the last packet read, fixed header included (MQTT 5.0 section 3.1.2.11.4 counts it).</summary>
    public int LastPacketBytes { get; private set; }

    /// <summary>Opens a connection to a loopback port for a client of <paramref name="version"/>; nothing is sent yet.</summary>
    public static async Task<PacketConnection> OpenAsync(int port, MqttProtocolVersion version)
    {
        Socket socket = await RawMqtt.OpenAsync(port).ConfigureAwait(false);
        socket.NoDelay = true;
        return new PacketConnection(socket, version);
    }

    /// <summary>Opens a connection, sends <paramref name="connect"/> and returns the broker's CONNACK.</summary>
    public static async Task<(PacketConnection Connection, MqttConnAckPacket ConnAck)> ConnectAsync(int port, MqttProtocolVersion version, MqttConnectPacket connect)
    {
        PacketConnection connection = await OpenAsync(port, version).ConfigureAwait(false);
        try
        {
            await connection.SendAsync(connect).ConfigureAwait(false);
            MqttConnAckPacket connAck = await connection.ReceiveAsync<MqttConnAckPacket>().ConfigureAwait(false);
            return (connection, connAck);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Encodes <paramref name="packet"/> with MQTTnet's formatter and writes it.</summary>
    public async Task SendAsync(MqttPacket packet)
    {
        byte[] bytes = _formatter.Encode(packet).ToArray();
        await _socket.SendAsync(bytes).ConfigureAwait(false);
    }

    /// <summary>Reads the next packet, or fails if none comes within <paramref name="timeout"/> (default <see cref="TestTimeouts.Short"/>).</summary>
    public async Task<MqttPacket> ReceiveAsync(TimeSpan? timeout = null)
    {
        using CancellationTokenSource cancellation = new(timeout ?? TestTimeouts.Short);
        byte fixedHeader = (await ReadExactlyAsync(1, cancellation.Token).ConfigureAwait(false))[0];
        int length = 0;
        int shift = 0;
        int lengthBytes = 0;
        byte digit;
        do
        {
            digit = (await ReadExactlyAsync(1, cancellation.Token).ConfigureAwait(false))[0];
            length |= (digit & LengthValueMask) << shift;
            shift += LengthBitsPerByte;
            lengthBytes++;
        }
        while ((digit & ContinuationBit) != 0);
        byte[] body = length == 0 ? [] : await ReadExactlyAsync(length, cancellation.Token).ConfigureAwait(false);
        LastPacketBytes = 1 + lengthBytes + length;
        return _formatter.Decode(new ReceivedMqttPacket(fixedHeader, new ArraySegment<byte>(body), LastPacketBytes));
    }

    /// <summary>Reads the next packet and fails the test unless it is a <typeparamref name="T"/>.</summary>
    public async Task<T> ReceiveAsync<T>(TimeSpan? timeout = null)
        where T : MqttPacket
    {
        MqttPacket packet = await ReceiveAsync(timeout).ConfigureAwait(false);
        return packet as T ?? throw new InvalidOperationException($"Expected {typeof(T).Name}, got {packet}.");
    }

    /// <summary>Waits until the broker closes the connection; fails if it is still open after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilClosedAsync(TimeSpan timeout)
    {
        using CancellationTokenSource cancellation = new(timeout);
        byte[] buffer = new byte[256];
        try
        {
            while (await _socket.ReceiveAsync(buffer, cancellation.Token).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (SocketException)
        {
            // Reset by the broker: closed as well.
        }
    }

    /// <summary>Closes the socket without a DISCONNECT, as a board that loses power does.</summary>
    public void Drop()
    {
        _socket.Close();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _socket.Dispose();
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[count];
        int read = 0;
        while (read < count)
        {
            int received;
            try
            {
                received = await _socket.ReceiveAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception)
            {
                throw new TimeoutException("No packet arrived in time.", exception);
            }

            if (received == 0)
            {
                throw new IOException($"The connection closed after {read} of {count} bytes.");
            }

            read += received;
        }

        return buffer;
    }
}
