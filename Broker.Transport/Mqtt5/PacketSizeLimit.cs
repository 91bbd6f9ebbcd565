using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace Esp32Mqtt.Broker.Transport.Mqtt5;

/// <summary>
/// An MQTT 5 client's Maximum Packet Size (OASIS MQTT 5.0 section 3.1.2.11.4): the broker must not send it a bigger
/// packet. MQTTnet 5.2 reads the limit and ignores it. A PUBLISH is measured by encoding it with MQTTnet's own MQTT 5
/// formatter, the one that will write it (payload not copied), so the size counts every property exactly.
/// </summary>
internal sealed class PacketSizeLimit
{
    private const int InitialBufferBytes = 256;
    private const int KeptBufferBytes = 4096;

    private readonly uint _maximum;
    private readonly Lock _gate = new();
    private readonly MqttPacketFormatterAdapter _formatter = new(MqttProtocolVersion.V500, new MqttBufferWriter(InitialBufferBytes, KeptBufferBytes));

    /// <summary>Allows packets of <paramref name="maximum"/> bytes at most, fixed header included.</summary>
    public PacketSizeLimit(uint maximum)
    {
        _maximum = maximum;
    }

    /// <summary>Whether <paramref name="publish"/> would be a packet bigger than the client takes.</summary>
    public bool Exceeds(MqttPublishPacket publish)
    {
        lock (_gate)
        {
            try
            {
                return _formatter.Encode(publish).Length > _maximum;
            }
            catch (MqttProtocolViolationException)
            {
                // Not encodable at all: the write that follows reports it, as it would without a limit.
                return false;
            }
            finally
            {
                _formatter.Cleanup();
            }
        }
    }
}
