using System.Text;
using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>A broker connection that records what the firmware does and lets a test deliver messages or drop it.</summary>
public sealed class FakeMqttConnection : IMqttConnection
{
    private readonly Queue<MqttConnectResult> _connectResults = new();

    public event MqttMessageHandler? MessageReceived;

    public event MqttConnectionLostHandler? ConnectionLost;

    public bool IsConnected { get; private set; }

    /// <summary>Raised inside <see cref="Connect"/>, while the firmware is blocked in it.</summary>
    public event Action? ConnectAttempted;

    public List<MqttConnectRequest> ConnectRequests { get; } = [];

    public List<PublishedMessage> Published { get; } = [];

    /// <summary>The payload arrays as published, to tell a reused array from a new one with the same bytes.</summary>
    public List<byte[]> PublishedArrays { get; } = [];

    public HashSet<string> Subscriptions { get; } = [];

    public int PublishesRefused { get; private set; }

    /// <summary>How many SUBSCRIBE and UNSUBSCRIBE requests were made while connected.</summary>
    public int SubscribeCalls { get; private set; }

    public int Disconnects { get; private set; }

    /// <summary>Makes the next connect attempts end as given; once the queue is empty, attempts succeed.</summary>
    public void ScriptConnectResults(params MqttConnectResult[] results)
    {
        foreach (MqttConnectResult result in results)
        {
            _connectResults.Enqueue(result);
        }
    }

    public MqttConnectResult Connect(MqttConnectRequest request)
    {
        ConnectRequests.Add(request);
        ConnectAttempted?.Invoke();
        MqttConnectResult result = _connectResults.Count > 0 ? _connectResults.Dequeue() : MqttConnectResult.Connected();
        IsConnected = result.Outcome == MqttConnectOutcome.Connected;
        if (IsConnected)
        {
            // A clean session: the broker forgets subscriptions between connections.
            Subscriptions.Clear();
        }

        return result;
    }

    public bool Subscribe(string[] topics)
    {
        if (!IsConnected)
        {
            return false;
        }

        SubscribeCalls++;
        Subscriptions.UnionWith(topics);
        return true;
    }

    public bool Unsubscribe(string[] topics)
    {
        if (!IsConnected)
        {
            return false;
        }

        SubscribeCalls++;
        Subscriptions.ExceptWith(topics);
        return true;
    }

    public bool Publish(string topic, byte[] payload, bool retain)
    {
        if (!IsConnected)
        {
            PublishesRefused++;
            return false;
        }

        Published.Add(new PublishedMessage(topic, Encoding.UTF8.GetString(payload), retain));
        PublishedArrays.Add(payload);
        return true;
    }

    public void Disconnect()
    {
        Disconnects++;
        IsConnected = false;
    }

    /// <summary>Delivers a message as the broker would, if the firmware is subscribed to its topic.</summary>
    public void Deliver(string topic, byte[] payload)
    {
        Assert.True(IsConnected, "cannot deliver while disconnected");
        if (Subscriptions.Contains(topic))
        {
            MessageReceived?.Invoke(topic, payload);
        }
    }

    public void Deliver(string topic, string payload)
    {
        Deliver(topic, Encoding.UTF8.GetBytes(payload));
    }

    /// <summary>
    /// Delivers a message the broker sent before it processed an UNSUBSCRIBE: it reaches the firmware even though
    /// the firmware no longer holds the subscription.
    /// </summary>
    public void DeliverInFlight(string topic, string payload)
    {
        Assert.True(IsConnected, "cannot deliver while disconnected");
        MessageReceived?.Invoke(topic, Encoding.UTF8.GetBytes(payload));
    }

    /// <summary>The connection drops (broker gone, network lost).</summary>
    public void Drop()
    {
        IsConnected = false;
        ConnectionLost?.Invoke();
    }

    /// <summary>Payloads published on <paramref name="topic"/>, oldest first.</summary>
    public List<string> PayloadsOn(string topic)
    {
        return Published.Where(message => message.Topic == topic).Select(message => message.Payload).ToList();
    }
}
