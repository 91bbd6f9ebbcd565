using System.Collections;
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
    /// without one that MQTTnet saw (MqttServerKeepAliveMonitor). A PUBLISH routed here is not seen by MQTTnet, so one is
    /// routed here only within a quarter period, and at most <see cref="s_longestUnseen"/>, of the last packet MQTTnet saw:
    /// a client that keeps to its keep-alive is never cut off, and one that is late loses at most that much of the half
    /// period of grace (OASIS MQTT 3.1.1 section 3.1.2.10).
    /// </summary>
    private const int KeepAliveFractionDivisor = 4;

    /// <summary>
    /// The longest MQTTnet goes without seeing a packet from a client that keeps publishing. A PUBLISH handed to MQTTnet is
    /// routed as fast (its loop runs the dispatch on the reading thread); only the read after it costs a thread hand-off.
    /// </summary>
    private static readonly TimeSpan s_longestUnseen = TimeSpan.FromSeconds(1);

    private readonly InlinePublishing _publishing;
    private readonly MqttConnectPacket _connect;
    private readonly IPublisherConnection _connection;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _feedMqttnetWithin;
    private long _mqttnetSawPacketAt;
    private long _checkedAt;
    private bool _mqttnetSawPacketSinceCheck;
    private long _published;

    /// <summary>Serves the client that sent <paramref name="connect"/> on <paramref name="connection"/>.</summary>
    public InlinePublisher(InlinePublishing publishing, MqttConnectPacket connect, IPublisherConnection connection, TimeProvider timeProvider)
    {
        _publishing = publishing;
        _connect = connect;
        _connection = connection;
        _timeProvider = timeProvider;
        _feedMqttnetWithin = connect.KeepAlivePeriod == 0
            ? TimeSpan.MaxValue
            : Min(TimeSpan.FromSeconds(connect.KeepAlivePeriod) / KeepAliveFractionDivisor, s_longestUnseen);
        _mqttnetSawPacketAt = timeProvider.GetTimestamp();
        _checkedAt = _mqttnetSawPacketAt;
    }

    /// <summary>PUBLISH packets routed here so far.</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>The client's session items, once MQTTnet has made its session; passed to the publish interceptors.</summary>
    public IDictionary? SessionItems { get; set; }

    /// <summary>
    /// Whether <paramref name="packet"/> is routed here rather than by MQTTnet: a QoS 0 PUBLISH (retained or not) to a
    /// plain topic (no topic alias, which MQTTnet resolves per connection, and no wildcard, which MQTTnet's own path deals
    /// with), the last packet the client has sent for now, while MQTTnet has seen the client recently enough.
    /// A client sending a stream of packets stays on MQTTnet's loop: that loop runs beside the socket's thread, on the
    /// other core, and a socket thread busy with one publisher would hold up every other connection.
    /// Called, like <see cref="HandedToMqttnet"/>, only from the connection's receive path, one packet at a time.
    /// </summary>
    public bool Takes(MqttPacket packet, CancellationToken cancellationToken)
    {
        if (packet is not MqttPublishPacket { QualityOfServiceLevel: MqttQualityOfServiceLevel.AtMostOnce, TopicAlias: 0 } publish
            || !IsPlainTopic(publish.Topic)
            || cancellationToken.IsCancellationRequested
            || _connection.Takeover.IsPending
            || _connection.IsSendingMore)
        {
            return false;
        }

        // The clock is read here, for lone packets only, and not for every packet handed to MQTTnet: a packet MQTTnet
        // saw since the last look was seen at that look or later.
        long now = _timeProvider.GetTimestamp();
        if (_mqttnetSawPacketSinceCheck)
        {
            _mqttnetSawPacketAt = _checkedAt;
            _mqttnetSawPacketSinceCheck = false;
        }

        _checkedAt = now;
        return _timeProvider.GetElapsedTime(_mqttnetSawPacketAt, now) < _feedMqttnetWithin;
    }

    /// <summary>MQTTnet is given a packet from this client (its receive loop counts it and notes the time).</summary>
    public void HandedToMqttnet()
    {
        _mqttnetSawPacketSinceCheck = true;
    }

    /// <summary>Routes <paramref name="packet"/>, which <see cref="Takes"/> accepted.</summary>
    public async Task PublishAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        await _publishing.DispatchAsync(_connect, SessionItems, (MqttPublishPacket)packet, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _published);
    }

    private static TimeSpan Min(TimeSpan first, TimeSpan second)
    {
        return first < second ? first : second;
    }

    private static bool IsPlainTopic(string? topic)
    {
        return !string.IsNullOrEmpty(topic) && topic.AsSpan().IndexOfAny('+', '#') < 0;
    }
}
