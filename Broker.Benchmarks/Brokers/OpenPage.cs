using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Esp32Mqtt.Broker.Benchmarks.Brokers;

/// <summary>
/// One dashboard page's feed, held open while the broker is measured: <c>GET /api/feed</c> over a plain socket, read to
/// the end on its own thread and thrown away, as fast as a browser tab takes it. What the broker does for an open page
/// (every message counted, a few drawn, the events written) is what is measured; the page's own work is not.
/// </summary>
internal sealed class OpenPage : IDisposable
{
    private const int BufferBytes = 64 * 1024;
    private static readonly byte[] s_request = Encoding.ASCII.GetBytes("GET /api/feed HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n");

    private readonly Socket _socket;
    private readonly Thread _reader;
    private long _bytesRead;

    private OpenPage(Socket socket)
    {
        _socket = socket;
        _reader = new Thread(Read) { IsBackground = true, Name = "dashboard page" };
        _reader.Start();
    }

    /// <summary>Bytes of feed the page has read so far.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Opens the feed of the dashboard on <paramref name="port"/>.</summary>
    public static OpenPage Open(int port)
    {
        Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            socket.Send(s_request);
            return new OpenPage(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _socket.Dispose();
        _reader.Join();
    }

    private void Read()
    {
        byte[] buffer = new byte[BufferBytes];
        try
        {
            int read;
            while ((read = _socket.Receive(buffer)) > 0)
            {
                Interlocked.Add(ref _bytesRead, read);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Closed by Dispose, or by the broker stopping.
        }
    }
}
