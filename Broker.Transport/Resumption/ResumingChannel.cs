using Esp32Mqtt.Broker.Transport.Channels;
using MQTTnet.Adapter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport.Resumption;

/// <summary>
/// A connection's channel adapter on both transports that keeps its session's QoS 1 and 2 exchanges
/// (<see cref="SessionInFlight"/>) and resumes them when the client comes back. For a clean session it only passes
/// packets through.
/// </summary>
internal sealed class ResumingChannel : ChannelAdapterDecorator
{
    private readonly InFlightSessions _sessions;
    private SessionInFlight? _inFlight;
    private bool _connectRead;

    /// <summary>Wraps <paramref name="inner"/>; kept sessions' exchanges are in <paramref name="sessions"/>.</summary>
    public ResumingChannel(IMqttChannelAdapter inner, InFlightSessions sessions)
        : base(inner)
    {
        _sessions = sessions;
    }

    /// <inheritdoc />
    public override Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        if (!_connectRead)
        {
            _connectRead = true;
            return ReceiveConnectAsync(cancellationToken);
        }

        // A clean session, the boards' usual: nothing to follow, nothing in the way.
        return _inFlight is null ? Inner.ReceivePacketAsync(cancellationToken) : ReceiveFollowedAsync(_inFlight, cancellationToken);
    }

    /// <inheritdoc />
    public override Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        if (_inFlight is not null && packet is MqttPublishPacket { QualityOfServiceLevel: > MqttQualityOfServiceLevel.AtMostOnce } publish
            && _inFlight.Sending(publish) is { } pubRel)
        {
            // The client has this QoS 2 message already; the exchange goes on where it stopped.
            return Inner.SendPacketAsync(pubRel, cancellationToken);
        }

        return Inner.SendPacketAsync(packet, cancellationToken);
    }

    private async Task<MqttPacket> ReceiveConnectAsync(CancellationToken cancellationToken)
    {
        MqttPacket packet = await Inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
        if (packet is MqttConnectPacket { ClientId: { Length: > 0 } clientId } connect)
        {
            bool outlives = !connect.CleanSession || connect.SessionExpiryInterval > 0;
            _inFlight = _sessions.Connecting(clientId, connect.CleanSession, outlives);
        }

        return packet;
    }

    private async Task<MqttPacket> ReceiveFollowedAsync(SessionInFlight inFlight, CancellationToken cancellationToken)
    {
        while (true)
        {
            MqttPacket packet = await Inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
            switch (packet)
            {
                case MqttPubAckPacket pubAck:
                    inFlight.Acknowledged(pubAck.PacketIdentifier);
                    break;
                case MqttPubCompPacket pubComp:
                    inFlight.Acknowledged(pubComp.PacketIdentifier);
                    break;
                case MqttPubRecPacket pubRec:
                    inFlight.Received(pubRec.PacketIdentifier);
                    break;
                case MqttPubRelPacket pubRel:
                    inFlight.Released(pubRel.PacketIdentifier);
                    break;
                case MqttPublishPacket { QualityOfServiceLevel: MqttQualityOfServiceLevel.ExactlyOnce } publish when !inFlight.IsNewQos2Publish(publish.PacketIdentifier):
                    // Delivered already: acknowledged again, and not handed to MQTTnet, which would deliver it twice.
                    await Inner.SendPacketAsync(new MqttPubRecPacket { PacketIdentifier = publish.PacketIdentifier }, cancellationToken).ConfigureAwait(false);
                    continue;
                default:
                    break;
            }

            return packet;
        }
    }
}
