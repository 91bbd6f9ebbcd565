using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.TestSupport;

namespace Esp32Mqtt.Broker.Transport.Tests;

public sealed class PacketGuardStreamTests
{
    private const int Limit = 1_000;
    private static readonly byte[] s_connect = RawMqtt.Connect311("esp32-a");

    [Fact]
    public void Passes_a_connect_and_later_packets_through_unchanged()
    {
        // Arrange
        byte[] publish = [0x30, 0x05, 0x00, 0x03, (byte)'l', (byte)'e', (byte)'d'];
        byte[] input = [.. s_connect, .. publish];
        using PacketGuardStream guard = new(new MemoryStream(input), Limit);

        // Act
        byte[] passed = ReadAll(guard, chunkSize: 3);

        // Assert
        Assert.Equal(input, passed);
        Assert.True(guard.ConnectPacketReceived);
        Assert.Null(guard.Rejection);
    }

    [Fact]
    public void Ends_the_stream_when_the_first_packet_is_not_a_connect()
    {
        // Arrange
        PacketGuardRejection? reported = null;
        using PacketGuardStream guard = new(new MemoryStream("GET / HTTP/1.1\r\n\r\n"u8.ToArray()), Limit, rejection => reported = rejection);

        // Act
        byte[] passed = ReadAll(guard, chunkSize: 2);

        // Assert
        Assert.Empty(passed);
        Assert.Equal(RejectionKind.NotMqtt, reported!.Kind);
        Assert.Equal("GE"u8.ToArray(), reported.FirstBytes);
    }

    [Fact]
    public void Ends_the_stream_before_the_last_length_byte_of_an_oversized_packet()
    {
        // Arrange: CONNECT, then a PUBLISH declaring 268,435,455 bytes (0xFF 0xFF 0xFF 0x7F).
        byte[] input = [.. s_connect, 0x30, 0xFF, 0xFF, 0xFF, 0x7F, 0x00];
        using PacketGuardStream guard = new(new MemoryStream(input), Limit);

        // Act: read the way MQTTnet does, two header bytes, then the length one byte at a time.
        byte[] passed = ReadAll(guard, chunkSize: 1);

        // Assert
        Assert.Equal(RejectionKind.Oversized, guard.Rejection!.Kind);
        Assert.Equal(268_435_455, guard.Rejection.DeclaredLength);
        Assert.Equal(s_connect.Length + 4, passed.Length);
    }

    [Fact]
    public void Accepts_a_packet_exactly_at_the_limit()
    {
        // Arrange: a PUBLISH declaring exactly 1,000 bytes (0xE8 0x07).
        byte[] input = [.. s_connect, 0x30, 0xE8, 0x07, .. new byte[Limit]];
        using PacketGuardStream guard = new(new MemoryStream(input), Limit);

        // Act
        byte[] passed = ReadAll(guard, chunkSize: 4096);

        // Assert
        Assert.Null(guard.Rejection);
        Assert.Equal(input.Length, passed.Length);
    }

    [Fact]
    public void Ends_the_stream_on_a_length_field_longer_than_four_bytes()
    {
        // Arrange
        byte[] input = [.. s_connect, 0x30, 0x80, 0x80, 0x80, 0x80, 0x01];
        using PacketGuardStream guard = new(new MemoryStream(input), int.MaxValue);

        // Act
        ReadAll(guard, chunkSize: 1);

        // Assert
        Assert.Equal(RejectionKind.MalformedLength, guard.Rejection!.Kind);
    }

    [Fact]
    public void Notices_when_the_client_closes_the_connection()
    {
        // Arrange
        using PacketGuardStream guard = new(new MemoryStream(s_connect[..5]), Limit);

        // Act
        ReadAll(guard, chunkSize: 16);

        // Assert
        Assert.True(guard.ClientClosed);
        Assert.False(guard.ConnectPacketReceived);
        Assert.Equal(5, guard.BytesReceived);
    }

    [Fact]
    public async Task Passes_a_zero_byte_read_through_without_taking_it_for_a_close()
    {
        // Arrange
        using PacketGuardStream guard = new(new MemoryStream(s_connect), Limit);

        // Act: the wait-for-data read that PacketReader does while a connection is idle.
        int waited = await guard.ReadAsync(Memory<byte>.Empty);
        bool closedAfterWaiting = guard.ClientClosed;
        byte[] passed = ReadAll(guard, chunkSize: 64);

        // Assert
        Assert.Equal(0, waited);
        Assert.False(closedAfterWaiting);
        Assert.Equal(s_connect, passed);
        Assert.True(guard.ConnectPacketReceived);
    }

    [Fact]
    public async Task Writes_to_a_non_blocking_socket_at_once_without_making_its_asynchronous_send_state()
    {
        // Arrange
        (Socket client, Socket server) = await LoopbackConnection.OpenAsync();
        using Socket reader = client;
        using PacketGuardStream guard = PacketGuardStream.OverSocket(server, Limit);
        byte[] sent = Pattern(1_000);

        // Act
        ValueTask write = guard.WriteAsync(sent);

        // Assert
        Assert.True(write.IsCompletedSuccessfully);
        Assert.Null(AsynchronousSendState(server));
        Assert.Equal(sent, await RawMqtt.ReadExactlyAsync(reader, sent.Length));
    }

    [Fact]
    public async Task Writes_the_rest_a_full_socket_could_not_take_once_the_client_reads()
    {
        // Arrange: a small send buffer and a client that does not read yet, so the first send() takes only part.
        (Socket client, Socket server) = await LoopbackConnection.OpenAsync();
        using Socket reader = client;
        server.SendBufferSize = 16 * 1024;
        using PacketGuardStream guard = PacketGuardStream.OverSocket(server, Limit);
        byte[] sent = Pattern(4 * 1024 * 1024);

        // Act
        ValueTask write = guard.WriteAsync(sent);
        bool finishedBeforeTheClientRead = write.IsCompleted;
        byte[] received = await RawMqtt.ReadExactlyAsync(reader, sent.Length);
        await write.AsTask().WaitAsync(TestTimeouts.Short);

        // Assert: every byte, once, in order, the rest through the asynchronous send.
        Assert.False(finishedBeforeTheClientRead);
        Assert.Equal(sent, received);
        Assert.NotNull(AsynchronousSendState(server));
    }

    [Fact]
    public async Task Reports_a_send_to_a_reset_connection_as_an_io_error()
    {
        // Arrange: the client resets the connection (linger 0), and the reset has arrived.
        (Socket client, Socket server) = await LoopbackConnection.OpenAsync();
        client.LingerState = new LingerOption(enable: true, seconds: 0);
        client.Dispose();
        using PacketGuardStream guard = PacketGuardStream.OverSocket(server, Limit);
        Assert.True(server.Poll(TestTimeouts.Short, SelectMode.SelectRead), "the reset did not arrive");

        // Act
        IOException error = await Assert.ThrowsAsync<IOException>(async () => await guard.WriteAsync(Pattern(100)));

        // Assert: as NetworkStream reports it, with the reset itself and not the broken pipe a second send would find.
        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(error.InnerException).SocketErrorCode);
    }

    [Fact]
    public async Task Refuses_blocking_reads_and_writes_over_a_non_blocking_socket()
    {
        // Arrange
        (Socket client, Socket server) = await LoopbackConnection.OpenAsync();
        using Socket peer = client;
        using PacketGuardStream guard = PacketGuardStream.OverSocket(server, Limit);

        // Act and assert: a non-blocking socket would end a blocking read early, or write only part of the bytes.
        Assert.Throws<NotSupportedException>(() => guard.Write(Pattern(10), 0, 10));
        Assert.Throws<NotSupportedException>(() => guard.Read(new byte[10], 0, 10));
    }

    /// <summary>
    /// .NET's state for a socket's asynchronous sends (Socket._singleBufferSendEventArgs in .NET 10), kept for the socket's
    /// life once made: what PacketGuardStream.WriteAsync avoids making. Read by reflection, there being no other way to see it.
    /// </summary>
    private static object? AsynchronousSendState(Socket socket)
    {
        FieldInfo field = typeof(Socket).GetField("_singleBufferSendEventArgs", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("Socket._singleBufferSendEventArgs is gone: look again at how this .NET keeps a socket's asynchronous send.");
        return field.GetValue(socket);
    }

    private static byte[] Pattern(int length)
    {
        byte[] bytes = new byte[length];
        for (int index = 0; index < length; index++)
        {
            bytes[index] = (byte)(index % 251);
        }

        return bytes;
    }

    private static byte[] ReadAll(Stream stream, int chunkSize)
    {
        List<byte> passed = [];
        byte[] buffer = new byte[chunkSize];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            passed.AddRange(buffer[..read]);
        }

        return [.. passed];
    }
}
