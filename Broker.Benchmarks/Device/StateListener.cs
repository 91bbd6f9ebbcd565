using System.Text;
using Esp32Mqtt.Broker.Benchmarks.Protocol;

namespace Esp32Mqtt.Broker.Benchmarks.Device;

/// <summary>Remembers the last payload published on the board's state topic, as the frame reader hands frames over.</summary>
internal sealed class StateListener : IFrameHandler
{
    private readonly byte[] _stateTopic;

    /// <summary>Listens for <paramref name="stateTopic"/>.</summary>
    public StateListener(string stateTopic)
    {
        _stateTopic = Encoding.UTF8.GetBytes(stateTopic);
    }

    /// <summary>The last state payload received, or null before the first.</summary>
    public byte[]? LastState { get; private set; }

    /// <summary>How many state messages arrived.</summary>
    public int StatesReceived { get; private set; }

    /// <inheritdoc />
    public void OnPublish(in PublishFrame frame)
    {
        if (frame.Topic.SequenceEqual(_stateTopic))
        {
            LastState = frame.Payload.ToArray();
            StatesReceived++;
        }
    }

    /// <inheritdoc />
    public void OnControlPacket(byte type, ReadOnlySpan<byte> body)
    {
        // Only PUBLISH matters here (the subscription is QoS 0: nothing to acknowledge).
    }
}
