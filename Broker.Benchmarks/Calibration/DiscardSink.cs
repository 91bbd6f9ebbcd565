using System.Net;
using System.Net.Sockets;

namespace Esp32Mqtt.Broker.Benchmarks.Calibration;

/// <summary>A trivial TCP server that accepts one connection and reads and discards everything, to measure how fast the publisher can write.</summary>
internal sealed class DiscardSink : IDisposable
{
    private const int ReadBufferBytes = 1024 * 1024;
    private const int KernelBufferBytes = 4 * 1024 * 1024;
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(5);

    private readonly Socket _listener;
    private readonly Thread _thread;
    private Socket? _connection;

    /// <summary>Listens on a free loopback port and starts discarding once a client connects.</summary>
    public DiscardSink()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _thread = new Thread(Discard) { IsBackground = true, Name = "discard-sink" };
        _thread.Start();
    }

    /// <summary>The port to connect to.</summary>
    public int Port { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        _listener.Dispose();
        _connection?.Dispose();
        _ = _thread.Join(s_stopTimeout);
    }

    private void Discard()
    {
        try
        {
            _connection = _listener.Accept();
            _connection.ReceiveBufferSize = KernelBufferBytes;
            byte[] buffer = new byte[ReadBufferBytes];
            while (_connection.Receive(buffer) > 0)
            {
                // Discarding is the whole job.
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Closed by Dispose.
        }
    }
}
