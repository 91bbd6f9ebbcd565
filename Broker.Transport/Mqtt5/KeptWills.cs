using System.Runtime.CompilerServices;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MqttPublishPacketFactory = MQTTnet.Server.Internal.Formatter.MqttPublishPacketFactory;

namespace Esp32Mqtt.Broker.Transport.Mqtt5;

/// <summary>
/// The wills of MQTT 5 clients, kept from MQTTnet so that the broker publishes them itself. MQTTnet 5.2 publishes a will
/// as soon as the connection is lost (MqttConnectedClient.RunAsync), whatever its Will Delay Interval (OASIS MQTT 5.0
/// section 3.1.3.2.2), and not at all after a DISCONNECT, even one with reason code 0x04 that asks for it. Its CONNECT's
/// WillFlag is cleared before MQTTnet reads it; the will's other fields stay, and the message is kept here, attached to
/// that CONNECT for as long as the CONNECT itself is kept.
/// </summary>
internal sealed class KeptWills
{
    private readonly ConditionalWeakTable<MqttConnectPacket, MqttApplicationMessage> _wills = [];

    /// <summary>Takes the will of <paramref name="connect"/> from MQTTnet, if it has one.</summary>
    public void Keep(MqttConnectPacket connect)
    {
        if (!connect.WillFlag)
        {
            return;
        }

        // MQTTnet's own conversion of a CONNECT's will into a message, as for a connection that was lost.
        _wills.AddOrUpdate(connect, MqttApplicationMessageFactory.Create(MqttPublishPacketFactory.Create(connect)));
        connect.WillFlag = false;
    }

    /// <summary>The will kept from <paramref name="connect"/>, or null.</summary>
    public MqttApplicationMessage? Find(MqttConnectPacket connect)
    {
        return _wills.TryGetValue(connect, out MqttApplicationMessage? will) ? will : null;
    }
}
