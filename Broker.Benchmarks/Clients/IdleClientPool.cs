using System.Net;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Clients;

/// <summary>
/// Many connected, silent MQTT clients, like boards that keep their connection open and publish nothing. Set up
/// with async sockets (a thread each would be 2,000 threads), default kernel buffers, as a board's TCP stack would have.
/// </summary>
internal sealed class IdleClientPool : IDisposable
{
    private const int ConcurrentHandshakes = 64;
    private const byte AcceptedReturnCode = 0;
    private const int ConnectAcknowledgementBytes = 4;
    private const int ReturnCodeIndex = 3;
    private const int PingResponseBytes = 2;

    private static readonly byte[] s_pingRequest = PacketEncoder.PingRequest();

    private readonly Socket[] _sockets;

    private IdleClientPool(Socket[] sockets)
    {
        _sockets = sockets;
    }

    /// <summary>How many clients are connected.</summary>
    public int Count => _sockets.Length;

    /// <summary>Connects <paramref name="count"/> clients, each waiting for its CONNACK, <see cref="ConcurrentHandshakes"/> at a time.</summary>
    public static async Task<IdleClientPool> ConnectAsync(int port, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Socket[] sockets = new Socket[count];
        using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, count),
                new ParallelOptions { MaxDegreeOfParallelism = ConcurrentHandshakes, CancellationToken = limit.Token },
                async (index, token) => sockets[index] = await ConnectOneAsync(port, ClientIds.Idle(index), token).ConfigureAwait(false)).ConfigureAwait(false);
            return new IdleClientPool(sockets);
        }
        catch
        {
            CloseAll(sockets);
            throw;
        }
    }

    /// <summary>Sends every client a PINGREQ and counts the PINGRESPs: how many connections the broker still serves.</summary>
    public async Task<int> CountAnsweringAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        int answered = 0;
        await Parallel.ForEachAsync(
            _sockets,
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentHandshakes, CancellationToken = cancellationToken },
            async (socket, loopCancellation) =>
            {
                try
                {
                    _ = await socket.SendAsync(s_pingRequest.AsMemory(), limit.Token).ConfigureAwait(false);
                    byte[] response = new byte[PingResponseBytes];
                    await ReceiveExactlyAsync(socket, response, limit.Token).ConfigureAwait(false);
                    if (PacketType.TypeOf(response[0]) == PacketType.PingResponse)
                    {
                        _ = Interlocked.Increment(ref answered);
                    }
                }
                catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
                {
                    // Not answering is what is being counted.
                }
            }).ConfigureAwait(false);
        return answered;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        CloseAll(_sockets);
    }

    private static async Task<Socket> ConnectOneAsync(int port, string clientId, CancellationToken cancellationToken)
    {
        Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            _ = await socket.SendAsync(PacketEncoder.Connect(clientId, MqttConnection.KeepAliveSeconds).AsMemory(), cancellationToken).ConfigureAwait(false);
            byte[] acknowledgement = new byte[ConnectAcknowledgementBytes];
            await ReceiveExactlyAsync(socket, acknowledgement, cancellationToken).ConfigureAwait(false);
            if (PacketType.TypeOf(acknowledgement[0]) != PacketType.ConnectAcknowledgement || acknowledgement[ReturnCodeIndex] != AcceptedReturnCode)
            {
                throw new IOException($"The broker refused idle client '{clientId}'.");
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (destination.Length > 0)
        {
            int read = await socket.ReceiveAsync(destination, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("The broker closed the connection.");
            }

            destination = destination[read..];
        }
    }

    private static void CloseAll(Socket?[] sockets)
    {
        foreach (Socket? socket in sockets)
        {
            if (socket is not null)
            {
                MqttConnection.Close(socket);
            }
        }
    }
}
