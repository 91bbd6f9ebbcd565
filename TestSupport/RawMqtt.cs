using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Esp32Mqtt.TestSupport;

/// <summary>Hand-made MQTT bytes and raw loopback sockets, for what no well-behaved client library sends.</summary>
public static class RawMqtt
{
    private const byte ConnectHeader = 0x10;
    private const byte ConnAckHeader = 0x20;
    private const byte SubscribeHeader = 0x82;
    private const byte PublishHeader = 0x30;
    private const byte PubAckHeader = 0x40;
    private const byte PubRecHeader = 0x50;
    private const byte PubRelHeader = 0x62;
    private const byte PubCompHeader = 0x70;
    private const int PacketTypeShift = 4;
    private const int ContinuationBit = 0x80;
    private const int LengthValueMask = 0x7F;
    private const byte DuplicateFlag = 0x08;
    private const int QualityOfServiceShift = 1;
    private const int ConnAckBytes = 4;
    private const byte ProtocolLevel311 = 4;
    private const byte ProtocolLevel5 = 5;
    private const byte SessionExpiryIntervalProperty = 0x11;
    private const byte CleanSessionFlag = 0x02;
    private const byte WillFlag = 0x04;
    private const byte WillRetainFlag = 0x20;
    private const byte PasswordFlag = 0x40;
    private const byte UserNameFlag = 0x80;
    private const ushort KeepAliveSeconds = 60;

    /// <summary>An MQTT 3.1.1 CONNECT packet (OASIS MQTT 3.1.1, section 3.1), with a clean session unless <paramref name="cleanSession"/> is false.</summary>
    public static byte[] Connect311(string clientId, string? userName = null, string? password = null, bool cleanSession = true)
    {
        return Connect311(clientId, KeepAliveSeconds, will: null, userName, password, cleanSession);
    }

    /// <summary>
    /// An MQTT 3.1.1 CONNECT packet with the given keep-alive and, if given, a retained QoS 0 will (section 3.1.2.5); a
    /// clean session unless <paramref name="cleanSession"/> is false.
    /// </summary>
    public static byte[] Connect311(string clientId, ushort keepAliveSeconds, (string Topic, string Payload)? will, string? userName = null, string? password = null, bool cleanSession = true)
    {
        List<byte> body = [.. Text("MQTT"), ProtocolLevel311];
        byte flags = cleanSession ? CleanSessionFlag : (byte)0;
        if (will is not null)
        {
            flags |= WillFlag | WillRetainFlag;
        }

        if (userName is not null)
        {
            flags |= UserNameFlag;
        }

        if (password is not null)
        {
            flags |= PasswordFlag;
        }

        body.Add(flags);
        body.Add((byte)(keepAliveSeconds >> 8));
        body.Add((byte)(keepAliveSeconds & 0xFF));
        body.AddRange(Text(clientId));
        if (will is { } retainedWill)
        {
            body.AddRange(Text(retainedWill.Topic));
            body.AddRange(Text(retainedWill.Payload));
        }

        if (userName is not null)
        {
            body.AddRange(Text(userName));
        }

        if (password is not null)
        {
            body.AddRange(Text(password));
        }

        return [ConnectHeader, .. RemainingLength(body.Count), .. body];
    }

    /// <summary>
    /// An MQTT 5.0 CONNECT packet (OASIS MQTT 5.0, section 3.1) whose only property is <paramref name="sessionExpiryInterval"/>
    /// (section 3.1.2.11.2), with clean start unless <paramref name="cleanStart"/> is false.
    /// </summary>
    public static byte[] Connect5(string clientId, bool cleanStart, uint sessionExpiryInterval)
    {
        byte[] properties = [SessionExpiryIntervalProperty, (byte)(sessionExpiryInterval >> 24), (byte)(sessionExpiryInterval >> 16), (byte)(sessionExpiryInterval >> 8), (byte)sessionExpiryInterval];
        byte[] body =
        [
            .. Text("MQTT"), ProtocolLevel5, cleanStart ? CleanSessionFlag : (byte)0,
            (byte)(KeepAliveSeconds >> 8), (byte)(KeepAliveSeconds & 0xFF),
            (byte)properties.Length, .. properties,
            .. Text(clientId),
        ];
        return [ConnectHeader, .. RemainingLength(body.Length), .. body];
    }

    /// <summary>An MQTT 5.0 SUBSCRIBE packet (section 3.8) with packet id 1, no properties and one filter at <paramref name="qualityOfService"/>.</summary>
    public static byte[] Subscribe5(string topicFilter, int qualityOfService)
    {
        byte[] body = [0, 1, 0, .. Text(topicFilter), (byte)qualityOfService];
        return [SubscribeHeader, .. RemainingLength(body.Length), .. body];
    }

    /// <summary>An MQTT 3.1.1 SUBSCRIBE packet (section 3.8) with packet id 1 and one filter at <paramref name="qualityOfService"/>.</summary>
    public static byte[] Subscribe311(string topicFilter, int qualityOfService = 0)
    {
        byte[] body = [0, 1, .. Text(topicFilter), (byte)qualityOfService];
        return [SubscribeHeader, .. RemainingLength(body.Length), .. body];
    }

    /// <summary>
    /// An MQTT 3.1.1 PUBLISH packet (section 3.3). <paramref name="packetId"/> is written for QoS 1 and 2 only;
    /// <paramref name="duplicate"/> sets the DUP flag (section 3.3.1.1).
    /// </summary>
    public static byte[] Publish311(string topic, byte[] payload, int qualityOfService = 0, ushort packetId = 1, bool duplicate = false)
    {
        List<byte> body = [.. Text(topic)];
        if (qualityOfService > 0)
        {
            body.Add((byte)(packetId >> 8));
            body.Add((byte)(packetId & 0xFF));
        }

        body.AddRange(payload);
        byte header = (byte)(PublishHeader | (qualityOfService << QualityOfServiceShift) | (duplicate ? DuplicateFlag : 0));
        return [header, .. RemainingLength(body.Count), .. body];
    }

    /// <summary>A PUBACK (section 3.4) for <paramref name="packetId"/>.</summary>
    public static byte[] PubAck(ushort packetId)
    {
        return [PubAckHeader, 2, (byte)(packetId >> 8), (byte)(packetId & 0xFF)];
    }

    /// <summary>A PUBREC (section 3.5) for <paramref name="packetId"/>.</summary>
    public static byte[] PubRec(ushort packetId)
    {
        return [PubRecHeader, 2, (byte)(packetId >> 8), (byte)(packetId & 0xFF)];
    }

    /// <summary>A PUBREL (section 3.6; its reserved flags are 0010) for <paramref name="packetId"/>.</summary>
    public static byte[] PubRel(ushort packetId)
    {
        return [PubRelHeader, 2, (byte)(packetId >> 8), (byte)(packetId & 0xFF)];
    }

    /// <summary>A PUBCOMP (section 3.7) for <paramref name="packetId"/>.</summary>
    public static byte[] PubComp(ushort packetId)
    {
        return [PubCompHeader, 2, (byte)(packetId >> 8), (byte)(packetId & 0xFF)];
    }

    /// <summary>The packet identifier of a PUBACK, PUBREC, PUBREL or PUBCOMP body.</summary>
    public static ushort AcknowledgedPacketId(byte[] body)
    {
        return (ushort)((body[0] << 8) | body[1]);
    }

    /// <summary>Whether <paramref name="fixedHeader"/> starts a PUBLISH packet.</summary>
    public static bool IsPublish(byte fixedHeader)
    {
        return fixedHeader >> PacketTypeShift == PublishHeader >> PacketTypeShift;
    }

    /// <summary>Whether <paramref name="fixedHeader"/> starts a PUBACK packet.</summary>
    public static bool IsPubAck(byte fixedHeader)
    {
        return fixedHeader == PubAckHeader;
    }

    /// <summary>The packet id of a QoS 1 or 2 PUBLISH body on <paramref name="topic"/> (section 3.3.2.2).</summary>
    public static ushort PublishPacketId(byte[] body, string topic)
    {
        int at = 2 + Encoding.UTF8.GetByteCount(topic);
        return (ushort)((body[at] << 8) | body[at + 1]);
    }

    /// <summary>Reads one whole packet: its first byte and its body (section 2.2).</summary>
    public static async Task<(byte FixedHeader, byte[] Body)> ReadPacketAsync(Socket socket)
    {
        byte fixedHeader = (await ReadExactlyAsync(socket, 1).ConfigureAwait(false))[0];
        int length = 0;
        int shift = 0;
        byte digit;
        do
        {
            digit = (await ReadExactlyAsync(socket, 1).ConfigureAwait(false))[0];
            length |= (digit & LengthValueMask) << shift;
            shift += 7;
        }
        while ((digit & ContinuationBit) != 0);
        byte[] body = length == 0 ? [] : await ReadExactlyAsync(socket, length).ConfigureAwait(false);
        return (fixedHeader, body);
    }

    /// <summary>Opens a loopback connection, sends <paramref name="connectPacket"/> and returns once a CONNACK accepting it has arrived.</summary>
    public static async Task<Socket> ConnectAsync(int port, byte[] connectPacket)
    {
        Socket socket = await OpenAsync(port).ConfigureAwait(false);
        socket.NoDelay = true;
        await socket.SendAsync(connectPacket).ConfigureAwait(false);
        byte returnCode = await ReadConnAckReturnCodeAsync(socket).ConfigureAwait(false);
        if (returnCode != 0)
        {
            socket.Dispose();
            throw new InvalidOperationException($"The broker refused the connection with CONNACK return code {returnCode}.");
        }

        return socket;
    }

    /// <summary>Opens a loopback connection as MQTT 3.1.1 client <paramref name="clientId"/> (clean session) and returns once a CONNACK accepting it has arrived.</summary>
    public static Task<Socket> ConnectAsync(int port, string clientId)
    {
        return ConnectAsync(port, Connect311(clientId));
    }

    /// <summary>Opens a TCP connection to a loopback port.</summary>
    public static async Task<Socket> OpenAsync(int port)
    {
        Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using CancellationTokenSource timeout = new(TestTimeouts.Short);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token).ConfigureAwait(false);
        return socket;
    }

    /// <summary>Sends a 3.1.1 CONNECT and returns the CONNACK return code (OASIS MQTT 3.1.1, section 3.2.2.3).</summary>
    public static async Task<byte> ConnectAndReadReturnCodeAsync(int port, string clientId, string? userName = null, string? password = null)
    {
        using Socket socket = await OpenAsync(port).ConfigureAwait(false);
        await socket.SendAsync(Connect311(clientId, userName, password)).ConfigureAwait(false);
        return await ReadConnAckReturnCodeAsync(socket).ConfigureAwait(false);
    }

    /// <summary>Reads a 3.1.1 CONNACK and returns its return code (section 3.2.2.3).</summary>
    private static async Task<byte> ReadConnAckReturnCodeAsync(Socket socket)
    {
        byte[] connAck = await ReadExactlyAsync(socket, ConnAckBytes).ConfigureAwait(false);
        if (connAck[0] != ConnAckHeader)
        {
            throw new InvalidOperationException($"Expected CONNACK, got packet type 0x{connAck[0]:X2}.");
        }

        return connAck[3];
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes, or fails if the connection closes or times out first.</summary>
    public static async Task<byte[]> ReadExactlyAsync(Socket socket, int count)
    {
        byte[] buffer = new byte[count];
        using CancellationTokenSource timeout = new(TestTimeouts.Short);
        int read = 0;
        while (read < count)
        {
            int received = await socket.ReceiveAsync(buffer.AsMemory(read), timeout.Token).ConfigureAwait(false);
            if (received == 0)
            {
                throw new IOException($"The connection closed after {read} of {count} bytes.");
            }

            read += received;
        }

        return buffer;
    }

    /// <summary>Waits until the other side closes the connection (a read returns 0 or the connection is reset).</summary>
    public static async Task WaitUntilClosedAsync(Socket socket, TimeSpan timeout)
    {
        using CancellationTokenSource cancellation = new(timeout);
        byte[] buffer = new byte[256];
        try
        {
            while (await socket.ReceiveAsync(buffer, cancellation.Token).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (SocketException)
        {
            // Reset by the broker: closed as well.
        }
    }

    private static byte[] Text(string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        return [(byte)(bytes.Length >> 8), (byte)(bytes.Length & 0xFF), .. bytes];
    }

    private static byte[] RemainingLength(int length)
    {
        List<byte> encoded = [];
        do
        {
            byte digit = (byte)(length % 128);
            length /= 128;
            if (length > 0)
            {
                digit |= 0x80;
            }

            encoded.Add(digit);
        }
        while (length > 0);
        return [.. encoded];
    }
}
