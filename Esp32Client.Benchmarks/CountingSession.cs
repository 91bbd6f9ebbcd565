using Esp32Client.Core;

namespace Esp32Client.Benchmarks;

/// <summary>
/// An always-connected MQTT client session (and its own factory) that only counts the state messages published, so
/// the benchmark measures the board's Core path, <see cref="MqttSessionConnection"/> included, and no allocation of
/// its own.
/// </summary>
public sealed class CountingSession : IMqttSession, IMqttSessionFactory
{
    private IMqttSessionListener? _listener;

    public bool IsConnected => true;

    public int StatePublishes { get; private set; }

    public bool TryCreate(IMqttSessionListener listener, out IMqttSession? session, out string error)
    {
        _listener = listener;
        session = this;
        error = string.Empty;
        return true;
    }

    public string Describe(Exception exception)
    {
        return exception.Message;
    }

    public MqttConnectResult Connect(MqttConnectFields fields)
    {
        return MqttConnectResult.Connected();
    }

    public void Subscribe(string[] topics)
    {
    }

    public void Unsubscribe(string[] topics)
    {
    }

    public void Publish(string topic, byte[] payload, bool retain)
    {
        if (retain && topic.EndsWith("/led/state", StringComparison.Ordinal))
        {
            StatePublishes++;
        }
    }

    public void Disconnect()
    {
    }

    public void Close()
    {
    }

    /// <summary>Delivers a message as the MQTT client's dispatch thread does.</summary>
    public void Receive(string topic, byte[] payload)
    {
        _listener!.OnMessageReceived(this, topic, payload);
    }
}
