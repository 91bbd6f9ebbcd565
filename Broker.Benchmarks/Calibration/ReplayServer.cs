using System.Net;
using System.Net.Sockets;
using Esp32Mqtt.Broker.Benchmarks.Clients;

namespace Esp32Mqtt.Broker.Benchmarks.Calibration;

/// <summary>A TCP server that writes a recorded stream to the one client that connects, over and over, until disposed.</summary>
internal sealed class ReplayServer : IDisposable
{
    private const int KernelBufferBytes = 4 * 1024 * 1024;
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(5);

    private readonly Socket _listener;
    private readonly byte[] _stream;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private Socket? _connection;

    /// <summary>Listens on a free loopback port and replays <paramref name="stream"/> once a client connects.</summary>
    public ReplayServer(byte[] stream)
    {
        _stream = stream;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _thread = new Thread(Replay) { IsBackground = true, Name = "replay-server" };
        _thread.Start();
    }

    /// <summary>The port to connect to.</summary>
    public int Port { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping = true;
        _listener.Dispose();
        _connection?.Dispose();
        _ = _thread.Join(s_stopTimeout);
    }

    private void Replay()
    {
        try
        {
            _connection = _listener.Accept();
            _connection.SendBufferSize = KernelBufferBytes;
            while (!_stopping)
            {
                SocketSending.SendAll(_connection, _stream);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Closed by Dispose.
        }
    }
}
