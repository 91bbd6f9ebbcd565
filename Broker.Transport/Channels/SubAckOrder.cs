using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Esp32Mqtt.Broker.Transport.Channels;

/// <summary>
/// Puts a SUBACK's codes back in the order of its SUBSCRIBE's filters, as OASIS MQTT 3.1.1 and MQTT 5.0 section 3.9.3
/// ask. MQTTnet 5.2 processes the filters highest QoS first (MqttClientSubscriptionsManager.Subscribe orders them with
/// OrderByDescending, a stable sort) and lists each code as it goes, so a SUBSCRIBE of "a" at QoS 0 and "b" at QoS 2
/// got the codes for "b" then "a". One per connection that needs it: a SUBSCRIBE is remembered as it is read, and its
/// SUBACK, written later on MQTTnet's send loop, is put right; a SUBSCRIBE whose filters are in that order already (one
/// filter, as a board sends) costs nothing.
/// </summary>
internal sealed class SubAckOrder
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ushort, int[]> _processingOrders = [];

    /// <summary>
    /// <paramref name="subscribe"/> is about to be processed on a connection whose order is <paramref name="order"/>,
    /// made here when first needed. Called from the connection's receive path only.
    /// </summary>
    public static void Remember(ref SubAckOrder? order, MqttSubscribePacket subscribe)
    {
        List<MqttTopicFilter> filters = subscribe.TopicFilters;
        bool inProcessingOrder = true;
        for (int index = 1; index < filters.Count && inProcessingOrder; index++)
        {
            inProcessingOrder = filters[index - 1].QualityOfServiceLevel >= filters[index].QualityOfServiceLevel;
        }

        if (inProcessingOrder)
        {
            return;
        }

        // The position in the SUBSCRIBE of each filter, in the order MQTTnet processes them.
        int[] processingOrder = [.. Enumerable.Range(0, filters.Count).OrderByDescending(index => filters[index].QualityOfServiceLevel)];
        SubAckOrder current = Volatile.Read(ref order) ?? Interlocked.CompareExchange(ref order, new SubAckOrder(), null) ?? order!;
        lock (current._gate)
        {
            current._processingOrders[subscribe.PacketIdentifier] = processingOrder;
        }
    }

    /// <summary><paramref name="subAck"/> is about to be written: its codes are put in the order of its SUBSCRIBE.</summary>
    public void Restore(MqttSubAckPacket subAck)
    {
        int[]? processingOrder;
        lock (_gate)
        {
            if (!_processingOrders.Remove(subAck.PacketIdentifier, out processingOrder))
            {
                return;
            }
        }

        List<MqttSubscribeReasonCode> processed = subAck.ReasonCodes;
        if (processed.Count != processingOrder.Length)
        {
            return;
        }

        MqttSubscribeReasonCode[] inSubscribeOrder = new MqttSubscribeReasonCode[processed.Count];
        for (int step = 0; step < processingOrder.Length; step++)
        {
            inSubscribeOrder[processingOrder[step]] = processed[step];
        }

        subAck.ReasonCodes = [.. inSubscribeOrder];
    }
}
