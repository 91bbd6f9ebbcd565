using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Transport.Channels;

/// <summary>
/// A channel adapter around another that passes everything through but the packets: the adapters both transports put
/// around each connection (<see cref="Ordering.TurnTakingChannel"/>, <see cref="Resumption.ResumingChannel"/>,
/// <see cref="Mqtt5.Mqtt5Channel"/>, <see cref="MqttNet.CheckedMqttNetChannel"/>) say only what they do to the packets
/// read and written.
/// </summary>
internal abstract class ChannelAdapterDecorator : IMqttChannelAdapter
{
    /// <summary>Wraps <paramref name="inner"/>.</summary>
    protected ChannelAdapterDecorator(IMqttChannelAdapter inner)
    {
        Inner = inner;
    }

    /// <inheritdoc />
    public long BytesReceived => Inner.BytesReceived;

    /// <inheritdoc />
    public long BytesSent => Inner.BytesSent;

    /// <inheritdoc />
    public X509Certificate2 ClientCertificate => Inner.ClientCertificate;

    /// <inheritdoc />
    public EndPoint RemoteEndPoint => Inner.RemoteEndPoint;

    /// <inheritdoc />
    public EndPoint LocalEndPoint => Inner.LocalEndPoint;

    /// <inheritdoc />
    public bool IsSecureConnection => Inner.IsSecureConnection;

    /// <inheritdoc />
    public MqttPacketFormatterAdapter PacketFormatterAdapter => Inner.PacketFormatterAdapter;

    /// <summary>The adapter this one wraps.</summary>
    protected IMqttChannelAdapter Inner { get; }

    /// <inheritdoc />
    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        return Inner.ConnectAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        return Inner.DisconnectAsync(cancellationToken);
    }

    /// <inheritdoc />
    public abstract Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken);

    /// <inheritdoc />
    public void ResetStatistics()
    {
        Inner.ResetStatistics();
    }

    /// <inheritdoc />
    public virtual void Dispose()
    {
        Inner.Dispose();
    }
}
