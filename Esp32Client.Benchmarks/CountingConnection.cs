using Esp32Client.Core;

namespace Esp32Client.Benchmarks;

/// <summary>A connected broker connection that only counts what is published, so it adds no allocation of its own.</summary>
public sealed class CountingConnection : IMqttConnection
{
    public event MqttMessageHandler? MessageReceived;

    public event MqttConnectionLostHandler? ConnectionLost;

    public bool IsConnected => true;

    public int StatePublishes { get; private set; }

    public MqttConnectResult Connect(MqttConnectRequest request)
    {
        return MqttConnectResult.Connected();
    }

    public bool Subscribe(string[] topics)
    {
        return true;
    }

    public bool Unsubscribe(string[] topics)
    {
        return true;
    }

    public bool Publish(string topic, byte[] payload, bool retain)
    {
        if (retain && topic.EndsWith("/led/state", StringComparison.Ordinal))
        {
            StatePublishes++;
        }

        return true;
    }

    public void Disconnect()
    {
        ConnectionLost?.Invoke();
    }

    /// <summary>Delivers a message as the MQTT client's dispatch thread does.</summary>
    public void Receive(string topic, byte[] payload)
    {
        MessageReceived?.Invoke(topic, payload);
    }
}
