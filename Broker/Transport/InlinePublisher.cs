using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport;

/// <summary>
/// One connection's side of <see cref="InlinePublishing"/>: which of its client's PUBLISH packets are routed on the
/// reading thread, and when one must go through MQTTnet's receive loop instead so that MQTTnet's keep-alive monitor
/// still sees the client.
/// </summary>
public sealed class InlinePublisher
{
    /// <summary>
    /// A client sends a packet at least once per keep-alive period, and MQTTnet disconnects it after one and a half periods
    /// without one (MqttServerKeepAliveMonitor). A PUBLISH routed here is not seen by MQTTnet, so one is routed here only
    /// within a quarter period of the last packet MQTTnet saw: the client's next packet is then due before MQTTnet's
    /// deadline, with a quarter period to spare.
    /// </summary>
    private const int KeepAliveFractionDivisor = 4;

    private readonly InlinePublishing _publishing;
    private readonly MqttConnectPacket _connect;
    private readonly Func<bool> _isSendingMore;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _feedMqttnetWithin;
    private long _mqttnetSawPacketAt;
    private long _published;

    /// <summary>Serves the client that sent <paramref name="connect"/>; <paramref name="isSendingMore"/> tells whether more of its input is waiting.</summary>
    public InlinePublisher(InlinePublishing publishing, MqttConnectPacket connect, Func<bool> isSendingMore, TimeProvider timeProvider)
    {
        _publishing = publishing;
        _connect = connect;
        _isSendingMore = isSendingMore;
        _timeProvider = timeProvider;
        _feedMqttnetWithin = connect.KeepAlivePeriod == 0
            ? TimeSpan.MaxValue
            : TimeSpan.FromSeconds(connect.KeepAlivePeriod) / KeepAliveFractionDivisor;
        _mqttnetSawPacketAt = timeProvider.GetTimestamp();
    }

    /// <summary>PUBLISH packets routed here so far.</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>
    /// Whether <paramref name="packet"/> is routed here rather than by MQTTnet: a QoS 0 PUBLISH (retained or not) to a
    /// plain topic (no topic alias, which MQTTnet resolves per connection, and no wildcard, which MQTTnet's own path deals
    /// with), the last packet the client has sent for now, while MQTTnet has seen the client recently enough.
    /// A client sending a stream of packets stays on MQTTnet's loop: that loop runs beside the socket's thread, on the
    /// other core, and a socket thread busy with one publisher would hold up every other connection.
    /// </summary>
    public bool Takes(MqttPacket packet, CancellationToken cancellationToken)
    {
        return packet is MqttPublishPacket { QualityOfServiceLevel: MqttQualityOfServiceLevel.AtMostOnce, TopicAlias: 0 } publish
            && IsPlainTopic(publish.Topic)
            && !cancellationToken.IsCancellationRequested
            && _timeProvider.GetElapsedTime(Volatile.Read(ref _mqttnetSawPacketAt)) < _feedMqttnetWithin
            && !_isSendingMore();
    }

    /// <summary>MQTTnet is given a packet from this client (its receive loop counts it and notes the time).</summary>
    public void HandedToMqttnet()
    {
        Volatile.Write(ref _mqttnetSawPacketAt, _timeProvider.GetTimestamp());
    }

    /// <summary>Routes <paramref name="packet"/>, which <see cref="Takes"/> accepted.</summary>
    public Task PublishAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _published);
        return _publishing.DispatchAsync(_connect, (MqttPublishPacket)packet, cancellationToken);
    }

    private static bool IsPlainTopic(string? topic)
    {
        return !string.IsNullOrEmpty(topic) && topic.AsSpan().IndexOfAny('+', '#') < 0;
    }
}
