using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Esp32Mqtt.Broker.Benchmarks.Clients;
using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Device;

/// <summary>
/// What a learner does, timed: publish a command on <c>led</c> and wait for the board's new state on
/// <c>esp32/&lt;id&gt;/led/state</c>. Commands alternate between <c>on</c> and <c>off</c>, so each round trip must
/// produce a state different from the last: a reply can never be mistaken for an earlier one.
/// </summary>
internal sealed class RoundTripDriver : IDisposable
{
    private const string ClientId = "bench-round-trip-driver";
    private const string CommandTopic = "led";
    private const int ReadBufferBytes = 64 * 1024;
    private static readonly byte[] s_on = Encoding.UTF8.GetBytes("on");
    private static readonly byte[] s_off = Encoding.UTF8.GetBytes("off");

    private readonly Socket _socket;
    private readonly FrameReader _reader = new(ReadBufferBytes);
    private readonly StateListener _listener;
    private readonly byte[] _publishOn = PacketEncoder.Publish(CommandTopic, s_on, 0, 0);
    private readonly byte[] _publishOff = PacketEncoder.Publish(CommandTopic, s_off, 0, 0);

    /// <summary>Connects to the broker on <paramref name="port"/> and subscribes to the board's state topic.</summary>
    public RoundTripDriver(int port, string stateTopic)
    {
        _listener = new StateListener(stateTopic);
        _socket = MqttConnection.Connect(port, ClientId);
        MqttConnection.Subscribe(_socket, stateTopic, 0);
    }

    /// <summary>Waits until the board has reported a state at all (it does so once connected and restored).</summary>
    public void WaitForFirstState(TimeSpan timeout)
    {
        long start = Stopwatch.GetTimestamp();
        while (_listener.LastState is null)
        {
            ReadOnce(timeout - Stopwatch.GetElapsedTime(start));
        }
    }

    /// <summary>Publishes the command that changes the state and returns the time until the new state arrived.</summary>
    public TimeSpan RoundTrip(TimeSpan timeout)
    {
        bool turnOn = _listener.LastState is { } last && last.AsSpan().SequenceEqual(s_off);
        byte[] expected = turnOn ? s_on : s_off;
        int statesBefore = _listener.StatesReceived;
        long start = Stopwatch.GetTimestamp();
        SocketSending.SendAll(_socket, turnOn ? _publishOn : _publishOff);
        while (_listener.StatesReceived == statesBefore || !_listener.LastState!.AsSpan().SequenceEqual(expected))
        {
            ReadOnce(timeout - Stopwatch.GetElapsedTime(start));
        }

        return Stopwatch.GetElapsedTime(start);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        MqttConnection.Close(_socket);
    }

    private void ReadOnce(TimeSpan remaining)
    {
        if (remaining <= TimeSpan.Zero)
        {
            throw new TimeoutException("The board did not report its state in time.");
        }

        _socket.ReceiveTimeout = Math.Max(1, (int)remaining.TotalMilliseconds);
        if (!SocketSending.TryReceive(_socket, _reader.FreeSpace, out int read))
        {
            throw new TimeoutException("The board did not report its state in time.");
        }

        if (read == 0)
        {
            throw new IOException("The broker closed the driver's connection.");
        }

        _reader.Commit(read);
        _ = _reader.ParseAvailable(_listener);
    }
}
