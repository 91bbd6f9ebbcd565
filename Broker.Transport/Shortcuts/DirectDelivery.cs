using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.FlowControl;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport.Shortcuts;

/// <summary>
/// Delivers live QoS 0 messages to MQTT 3.1/3.1.1 clean-session subscribers on the publisher's own thread, instead of
/// through MQTTnet's per-client queue. MQTTnet hands every queued packet to another thread twice
/// (MqttConnectedClient.SendPacketsLoop waits on an AsyncSignal whose continuations run asynchronously, and yields after
/// every packet): two thread wake-ups per message, which were most of the latency left. MQTTnet asks
/// InterceptingClientEnqueueAsync for every recipient before it queues a message; this handler first lets
/// <see cref="DeliveryFlowControl"/> hold the publisher back, then writes the message itself when nothing is ahead of it
/// for that client, and declines MQTTnet's enqueue. Otherwise MQTTnet queues it as before, behind the others, and the
/// connection counts it, so no later message overtakes it.
/// <para>
/// Only these deliveries qualify, because for them MQTTnet's packet would be the topic and payload alone: a QoS 0
/// publish (delivered at QoS 0 whatever the subscription's QoS, and with no PUBACK whose reason code counts the
/// recipients), from a client or the console (a retained message sent for a new subscription has no sender and keeps
/// its retain flag), to a client on MQTT 3.1 or 3.1.1 (no subscription identifiers, topic aliases or
/// retain-as-published) whose session began with its connection (clean session, so every PUBLISH MQTTnet queues for it
/// passed through here and is counted).
/// </para>
/// </summary>
internal sealed class DirectDelivery
{
    private readonly DeliveryFlowControl _flowControl;
    private readonly AcceptedConnections _connections;

    /// <summary>Holds publishers back through <paramref name="flowControl"/> before any delivery; finds recipients in <paramref name="connections"/>.</summary>
    public DirectDelivery(DeliveryFlowControl flowControl, AcceptedConnections connections)
    {
        _flowControl = flowControl;
        _connections = connections;
    }

    /// <summary>Hooks onto <paramref name="server"/>'s enqueue interceptor.</summary>
    public void Attach(MqttServer server)
    {
        server.InterceptingClientEnqueueAsync += OnEnqueueAsync;
        server.QueuedApplicationMessageOverwrittenAsync += OnOverwrittenAsync;
    }

    /// <summary>
    /// <paramref name="connection"/>'s CONNACK accepting the client that sent <paramref name="connect"/> has been written.
    /// Messages are written to it directly if it qualifies (MQTT 3.1/3.1.1, clean session).
    /// </summary>
    public static void Accepted(MqttConnectPacket connect, StreamChannelAdapter connection)
    {
        MqttProtocolVersion protocolVersion = connection.PacketFormatterAdapter.ProtocolVersion;
        connection.Direct.Qualifies = connect.CleanSession && protocolVersion is MqttProtocolVersion.V310 or MqttProtocolVersion.V311;
    }

    /// <summary>QoS 0 messages written to <paramref name="clientId"/> by this class, which MQTTnet's statistics do not count.</summary>
    public long DeliveredTo(string clientId)
    {
        return _connections.Find(clientId)?.Direct.Delivered ?? 0;
    }

    private Task OnEnqueueAsync(InterceptingClientApplicationMessageEnqueueEventArgs eventArgs)
    {
        // The connection is looked up before any wait: MQTTnet chose the recipient's session already, and a client that
        // connects again while the publisher waits has a new session, which this message is not for.
        StreamChannelAdapter? connection = _connections.Find(eventArgs.ReceiverClientId);
        Task waitForSubscriber = _flowControl.BeforeEnqueueAsync(eventArgs.SenderClientId, eventArgs.ReceiverClientId);
        if (!waitForSubscriber.IsCompletedSuccessfully)
        {
            return DeliverAfterAsync(waitForSubscriber, eventArgs, connection);
        }

        Deliver(eventArgs, connection);
        return Task.CompletedTask;
    }

    private async Task DeliverAfterAsync(Task waitForSubscriber, InterceptingClientApplicationMessageEnqueueEventArgs eventArgs, StreamChannelAdapter? connection)
    {
        await waitForSubscriber.ConfigureAwait(false);
        bool stillCurrent = connection is not null && ReferenceEquals(_connections.Find(eventArgs.ReceiverClientId), connection);
        Deliver(eventArgs, stillCurrent ? connection : null);
    }

    private void Deliver(InterceptingClientApplicationMessageEnqueueEventArgs eventArgs, StreamChannelAdapter? connection)
    {
        if (connection is null || !connection.Direct.Qualifies)
        {
            return;
        }

        // While a CONNECT with this client's id is pending, messages are not written directly but are still counted,
        // so none written directly after a refused CONNECT overtakes them.
        MqttApplicationMessage message = eventArgs.ApplicationMessage;
        string senderId = eventArgs.SenderClientId;
        bool writeNow = !connection.Takeover.IsPending
            && message.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce
            && !string.IsNullOrEmpty(senderId)
            && !IsSendingMore(senderId);
        if (writeNow && connection.TryDeliverDirectly(message))
        {
            eventArgs.AcceptEnqueue = false;
            return;
        }

        connection.Direct.CountQueuedInMqttnet();
    }

    /// <summary>
    /// Whether the sender has more packets on the way (read already, or waiting in its socket). Then this message is
    /// one of a stream, and MQTTnet's queue is the better road: its send loop runs beside the publisher's, on the other
    /// core, and a subscriber that is behind gets many messages per write (<see cref="StreamChannelAdapter.SendPacketAsync"/>).
    /// One write per message on the publisher's thread took the 1 → 1 rate from about 1,000,000 to 210,000 messages a
    /// second; without the look into the socket, a 1 → 30 fan-out cost up to 60% more CPU per message.
    /// </summary>
    private bool IsSendingMore(string senderId)
    {
        return _connections.Find(senderId) is { IsSendingMore: true };
    }

    private Task OnOverwrittenAsync(QueueMessageOverwrittenEventArgs eventArgs)
    {
        if (_connections.Find(eventArgs.ReceiverClientId) is { Direct.Qualifies: true } connection)
        {
            connection.Direct.CountLeftMqttnetQueue();
        }

        return Task.CompletedTask;
    }
}
