using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>
/// A client session whose connect outcome a test scripts, that records what it is asked to do and raises the
/// library's events on demand, from whichever thread the test calls it on.
/// </summary>
public sealed class FakeMqttSession(IMqttSessionListener listener) : IMqttSession
{
    private volatile bool _isConnected;

    /// <summary>What the next <see cref="Connect"/> returns (default: accepted).</summary>
    public MqttConnectResult ConnectResult { get; set; } = MqttConnectResult.Connected();

    /// <summary>When set, <see cref="Connect"/> throws it instead of answering.</summary>
    public Exception? ConnectException { get; set; }

    /// <summary>When set, <see cref="Publish"/>, <see cref="Subscribe"/> and <see cref="Unsubscribe"/> throw it.</summary>
    public Exception? SendException { get; set; }

    /// <summary>Runs inside <see cref="Connect"/>, while the caller is blocked in it.</summary>
    public Action? DuringConnect { get; set; }

    /// <summary>Runs inside <see cref="Disconnect"/>, while the caller is blocked in it.</summary>
    public Action? DuringDisconnect { get; set; }

    public bool IsConnected => _isConnected;

    public List<MqttConnectFields> Connects { get; } = [];

    public List<string[]> Subscribed { get; } = [];

    public List<string[]> Unsubscribed { get; } = [];

    public List<PublishedMessage> Published { get; } = [];

    public int Disconnects { get; private set; }

    public int Closes { get; private set; }

    public MqttConnectResult Connect(MqttConnectFields fields)
    {
        Connects.Add(fields);
        DuringConnect?.Invoke();
        if (ConnectException is not null)
        {
            throw ConnectException;
        }

        _isConnected = ConnectResult.Outcome == MqttConnectOutcome.Connected;
        return ConnectResult;
    }

    public void Subscribe(string[] topics)
    {
        ThrowIfSendFails();
        Subscribed.Add(topics);
    }

    public void Unsubscribe(string[] topics)
    {
        ThrowIfSendFails();
        Unsubscribed.Add(topics);
    }

    public void Publish(string topic, byte[] payload, bool retain)
    {
        ThrowIfSendFails();
        Published.Add(new PublishedMessage(topic, System.Text.Encoding.UTF8.GetString(payload), retain));
    }

    public void Disconnect()
    {
        Disconnects++;
        DuringDisconnect?.Invoke();
        _isConnected = false;
    }

    public void Close()
    {
        Closes++;
        _isConnected = false;
    }

    /// <summary>The connection drops: the library marks it closed and reports it, as M2Mqtt's dispatch thread does.</summary>
    public void Drop()
    {
        _isConnected = false;
        listener.OnClosed(this);
    }

    /// <summary>The library reports a close (again, or late) without changing anything else.</summary>
    public void RaiseClosed()
    {
        listener.OnClosed(this);
    }

    /// <summary>A message arrives on this session.</summary>
    public void Deliver(string topic, string payload)
    {
        listener.OnMessageReceived(this, topic, System.Text.Encoding.UTF8.GetBytes(payload));
    }

    private void ThrowIfSendFails()
    {
        if (SendException is not null)
        {
            throw SendException;
        }
    }
}
