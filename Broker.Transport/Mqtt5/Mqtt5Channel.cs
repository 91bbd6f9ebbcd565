using Esp32Mqtt.Broker.Transport.Channels;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport.Mqtt5;

/// <summary>
/// A connection's channel adapter on both transports, right around the transport's own, that does what OASIS MQTT 5.0
/// asks and MQTTnet 5.2 leaves out:
/// <list type="bullet">
/// <item>the CONNACK announces what the broker keeps to: <see cref="TopicAliases.Maximum"/> topic aliases, and the
/// largest packet it accepts (<see cref="Mqtt5Rules.MaximumPacketSize"/>);</item>
/// <item>a client's topic aliases are resolved, and one it may not use ends the connection (<see cref="TopicAliases"/>);</item>
/// <item>a client's will is kept from MQTTnet for the broker to publish (<see cref="KeptWills"/>);</item>
/// <item>a PUBLISH the client sends starts the lifetime of its message (<see cref="MessageExpiry"/>);</item>
/// <item>a PUBLISH about to be written is dropped when it has expired or is larger than the client takes
/// (<see cref="PacketSizeLimit"/>), acknowledged to MQTTnet in the client's name (<see cref="AcknowledgementsOnBehalf"/>),
/// and otherwise held back while the client's Receive Maximum is reached (<see cref="SendQuota"/>).</item>
/// </list>
/// For an MQTT 3.1 or 3.1.1 client only one thing applies: a copy of an MQTT 5 message that has expired is dropped.
/// Every other packet of such a client passes straight through, with no allocation and no state machine of its own.
/// </summary>
internal sealed class Mqtt5Channel : ChannelAdapterDecorator
{
    private readonly Mqtt5Rules _rules;
    private bool _connectRead;
    private Mqtt5Connection? _connection;
    private AcknowledgementsOnBehalf? _onBehalf;

    /// <summary>Wraps <paramref name="inner"/>, the transport's own adapter for the connection.</summary>
    public Mqtt5Channel(IMqttChannelAdapter inner, Mqtt5Rules rules)
        : base(inner)
    {
        _rules = rules;
    }

    /// <inheritdoc />
    public override Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        if (!_connectRead)
        {
            _connectRead = true;
            return ReceiveConnectAsync(cancellationToken);
        }

        return _connection is null && Volatile.Read(ref _onBehalf) is null ? Inner.ReceivePacketAsync(cancellationToken) : ReceiveCheckedAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        if (_connection is not { } connection)
        {
            return packet is MqttPublishPacket publish && MessageExpiry.Expires(publish) ? WriteUnlessExpiredAsync(publish, quota: null, cancellationToken) : Inner.SendPacketAsync(packet, cancellationToken);
        }

        switch (packet)
        {
            case MqttConnAckPacket connAck:
                connAck.TopicAliasMaximum = TopicAliases.Maximum;
                connAck.MaximumPacketSize = _rules.MaximumPacketSize;
                return Inner.SendPacketAsync(connAck, cancellationToken);
            case MqttPublishPacket publish when connection.SizeLimit?.Exceeds(publish) == true:
                OnBehalf().Dropped(publish);
                return FlushAsync(cancellationToken);
            case MqttPublishPacket publish when connection.Quota is { } quota:
                return AdmitAsync(publish, quota, cancellationToken);
            case MqttPublishPacket publish:
                return WriteUnlessExpiredAsync(publish, quota: null, cancellationToken);
            default:
                return Inner.SendPacketAsync(packet, cancellationToken);
        }
    }

    private async Task<MqttPacket> ReceiveConnectAsync(CancellationToken cancellationToken)
    {
        MqttPacket packet = await Inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
        if (packet is MqttConnectPacket connect && PacketFormatterAdapter.ProtocolVersion == MqttProtocolVersion.V500)
        {
            _rules.Wills.Keep(connect);
            _connection = new Mqtt5Connection(connect, _rules.HeldLimit);
            _onBehalf = new AcknowledgementsOnBehalf();
        }

        return packet;
    }

    private async Task<MqttPacket> ReceiveCheckedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _onBehalf) is { } onBehalf && onBehalf.TryTake(out MqttPacket? acknowledgement))
        {
            return acknowledgement;
        }

        MqttPacket packet = await Inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
        if (_connection is not { } connection)
        {
            return packet;
        }

        ushort? released = null;
        switch (packet)
        {
            case MqttPublishPacket publish:
                MessageExpiry.Start(publish, _rules.TimeProvider.GetUtcNow());
                ushort alias = publish.TopicAlias;
                if (connection.Aliases.Resolve(publish) is { } reasonCode)
                {
                    _rules.Problems.TopicAliasRefused(RemoteEndPoint, connection.ClientId, alias, reasonCode == MqttDisconnectReasonCode.TopicAliasInvalid, TopicAliases.Maximum);
                    await Inner.SendPacketAsync(new MqttDisconnectPacket { ReasonCode = reasonCode }, cancellationToken).ConfigureAwait(false);

                    // Ends MQTTnet's receive loop as a lost connection does: the server closed it, so the will is published.
                    return null!;
                }

                break;
            case MqttPubAckPacket pubAck:
                released = pubAck.PacketIdentifier;
                break;
            case MqttPubCompPacket pubComp:
                released = pubComp.PacketIdentifier;
                break;
            case MqttPubRecPacket { ReasonCode: >= MqttPubRecReasonCode.UnspecifiedError } failed:
                // A PUBREC with an error code ends the QoS 2 exchange (section 4.9).
                released = failed.PacketIdentifier;
                break;
            default:
                break;
        }

        if (released is { } packetId && connection.Quota is { } quota && quota.Release(packetId))
        {
            // Written beside the receive loop: waiting here for the socket could deadlock with a client that stops
            // reading until its own writes are through.
            _ = DrainAsync(quota, cancellationToken);
        }

        return packet;
    }

    private async Task AdmitAsync(MqttPublishPacket publish, SendQuota quota, CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (quota.Admit(publish))
            {
                case Admission.WriteNow:
                    await WriteUnlessExpiredAsync(publish, quota, cancellationToken).ConfigureAwait(false);
                    return;
                case Admission.Held:
                    await FlushAsync(cancellationToken).ConfigureAwait(false);
                    return;
                case Admission.HeldAndDrain:
                    await DrainAsync(quota, cancellationToken).ConfigureAwait(false);
                    return;
                default:
                    await FlushAsync(cancellationToken).ConfigureAwait(false);
                    await quota.WhenRoomAsync(cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>Writes the held packets that may go now, one writer at a time (<see cref="SendQuota.NextHeld"/>), then flushes.</summary>
    private async Task DrainAsync(SendQuota quota, CancellationToken cancellationToken)
    {
        try
        {
            while (quota.NextHeld() is { } publish)
            {
                await WriteUnlessExpiredAsync(publish, quota, cancellationToken).ConfigureAwait(false);
            }

            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MqttCommunicationException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is ending; MQTTnet's own loops see it and end it.
        }
    }

    /// <summary>Writes <paramref name="publish"/> with the expiry interval it has left, or drops it as delivered when it has expired.</summary>
    private Task WriteUnlessExpiredAsync(MqttPublishPacket publish, SendQuota? quota, CancellationToken cancellationToken)
    {
        if (MessageExpiry.TryCountDown(publish, _rules.TimeProvider.GetUtcNow()))
        {
            return Inner.SendPacketAsync(publish, cancellationToken);
        }

        OnBehalf().Dropped(publish);

        // Its place in flight, taken for it, is free again: held packets that may go now are written.
        if (quota is not null && publish.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce && quota.Release(publish.PacketIdentifier))
        {
            return DrainAsync(quota, cancellationToken);
        }

        return FlushAsync(cancellationToken);
    }

    private AcknowledgementsOnBehalf OnBehalf()
    {
        // An MQTT 3.1.1 connection gets one when its first expired message is dropped, on MQTTnet's send loop; its
        // receive loop looks for it before each read from then on.
        AcknowledgementsOnBehalf? existing = Volatile.Read(ref _onBehalf);
        if (existing is not null)
        {
            return existing;
        }

        AcknowledgementsOnBehalf created = new();
        return Interlocked.CompareExchange(ref _onBehalf, created, null) ?? created;
    }

    private Task FlushAsync(CancellationToken cancellationToken)
    {
        return Inner is ICoalescingChannel coalescing ? coalescing.FlushAsync(cancellationToken) : Task.CompletedTask;
    }
}
