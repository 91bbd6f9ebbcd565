using System.Collections;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport.Shortcuts;

/// <summary>
/// One connection's side of <see cref="PublishInjector"/>: which of its client's PUBLISH packets are routed on the
/// reading thread.
/// </summary>
internal sealed class InlinePublisher
{
    private readonly PublishInjector _publishing;
    private readonly MqttConnectPacket _connect;
    private readonly IPublisherConnection _connection;
    private long _published;

    /// <summary>Serves the client that sent <paramref name="connect"/> on <paramref name="connection"/>.</summary>
    public InlinePublisher(PublishInjector publishing, MqttConnectPacket connect, IPublisherConnection connection)
    {
        _publishing = publishing;
        _connect = connect;
        _connection = connection;
    }

    /// <summary>PUBLISH packets routed here so far.</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>The client's session items, once MQTTnet has made its session; passed to the publish interceptors.</summary>
    public IDictionary? SessionItems { get; set; }

    /// <summary>
    /// Whether <paramref name="packet"/> is routed here rather than by MQTTnet: a QoS 0 PUBLISH (retained or not) to a
    /// plain topic (no topic alias, which Mqtt5Channel resolves per connection, and no wildcard, which MQTTnet's own path
    /// deals with) with no expiry interval (whose lifetime Mqtt5Channel starts), the last packet the client has sent for
    /// now, and no CONNECT with its client id pending elsewhere.
    /// A client sending a stream of packets stays on MQTTnet's loop: that loop runs beside the socket's thread, on the
    /// other core, and a socket thread busy with one publisher would hold up every other connection.
    /// Called only from the connection's receive path, one packet at a time.
    /// </summary>
    public bool Takes(MqttPacket packet, CancellationToken cancellationToken)
    {
        return packet is MqttPublishPacket { QualityOfServiceLevel: MqttQualityOfServiceLevel.AtMostOnce, TopicAlias: 0, MessageExpiryInterval: 0 } publish
            && IsPlainTopic(publish.Topic)
            && !cancellationToken.IsCancellationRequested
            && !_connection.Takeover.IsPending
            && !_connection.IsSendingMore;
    }

    /// <summary>Routes <paramref name="packet"/>, which <see cref="Takes"/> accepted.</summary>
    public async Task PublishAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        await _publishing.DispatchAsync(_connect, SessionItems, (MqttPublishPacket)packet, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _published);
    }

    private static bool IsPlainTopic(string? topic)
    {
        return !string.IsNullOrEmpty(topic) && topic.AsSpan().IndexOfAny('+', '#') < 0;
    }
}
