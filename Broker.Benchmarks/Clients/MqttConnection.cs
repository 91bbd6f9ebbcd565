using System.Net;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>
/// Opens blocking loopback sockets tuned for throughput (large kernel buffers, no Nagle delay) and performs the
/// MQTT handshakes on them. Blocking sockets keep every send and receive one system call.
/// </summary>
internal static class MqttConnection
{
    /// <summary>Keep-alive sent in CONNECT: longer than any scenario, so no PINGREQ is ever due while measuring.</summary>
    public const ushort KeepAliveSeconds = 60;

    // net.core.rmem_max and wmem_max are 4 MiB on these machines; a larger request is silently capped.
    private const int KernelBufferBytes = 4 * 1024 * 1024;
    private const byte AcceptedReturnCode = 0;
    private const byte SubscriptionFailure = 0x80;
    private const ushort SubscribePacketIdentifier = 1;
    private const int ConnectAcknowledgementReturnCodeIndex = 1;
    private const int SubscribeAcknowledgementFirstCodeIndex = 2;
    private static readonly TimeSpan s_handshakeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A connected socket with large buffers; nothing sent yet.</summary>
    public static Socket OpenSocket(int port)
    {
        Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            SendBufferSize = KernelBufferBytes,
            ReceiveBufferSize = KernelBufferBytes,
            ReceiveTimeout = (int)s_handshakeTimeout.TotalMilliseconds,
            SendTimeout = (int)s_handshakeTimeout.TotalMilliseconds,
        };
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Connects as <paramref name="clientId"/> and waits for an accepting CONNACK.</summary>
    public static Socket Connect(int port, string clientId)
    {
        Socket socket = OpenSocket(port);
        try
        {
            SocketSending.SendAll(socket, PacketEncoder.Connect(clientId, KeepAliveSeconds));
            (byte type, byte[] body) = HandshakeReader.ReadPacket(socket);
            if (type != PacketType.ConnectAcknowledgement || body[ConnectAcknowledgementReturnCodeIndex] != AcceptedReturnCode)
            {
                throw new IOException($"The broker refused '{clientId}' (packet type {type}).");
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Subscribes to <paramref name="topicFilter"/> and checks the broker granted <paramref name="qualityOfService"/>.</summary>
    public static void Subscribe(Socket socket, string topicFilter, int qualityOfService)
    {
        SocketSending.SendAll(socket, PacketEncoder.Subscribe(SubscribePacketIdentifier, topicFilter, qualityOfService));
        (byte type, byte[] body) = HandshakeReader.ReadPacket(socket);
        if (type != PacketType.SubscribeAcknowledgement || body[SubscribeAcknowledgementFirstCodeIndex] == SubscriptionFailure)
        {
            throw new IOException($"The broker refused the subscription to '{topicFilter}'.");
        }

        if (body[SubscribeAcknowledgementFirstCodeIndex] != qualityOfService)
        {
            throw new IOException($"The broker granted QoS {body[SubscribeAcknowledgementFirstCodeIndex]} instead of {qualityOfService} on '{topicFilter}'.");
        }
    }

    /// <summary>Sends DISCONNECT if it can and closes with a reset, so no TIME_WAIT entry is left to exhaust local ports.</summary>
    public static void Close(Socket socket)
    {
        try
        {
            _ = socket.Send(PacketEncoder.Disconnect());
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // The broker is already gone; closing is all that is left.
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        socket.Dispose();
    }
}
