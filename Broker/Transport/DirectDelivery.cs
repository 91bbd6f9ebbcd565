using System.Collections.Concurrent;
using Esp32Mqtt.Broker.Hosting;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport;

/// <summary>
/// Delivers live QoS 0 messages to MQTT 3.1/3.1.1 clean-session subscribers on the publisher's own thread, instead of
/// through MQTTnet's per-client queue. MQTTnet hands every queued packet to another thread twice
/// (MqttConnectedClient.SendPacketsLoop waits on an AsyncSignal whose continuations run asynchronously, and yields after
/// every packet): two thread wake-ups per message, which were most of the latency left (issue 5). MQTTnet asks
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
public sealed class DirectDelivery : IMqttServerObserver
{
    private readonly DeliveryFlowControl _flowControl;
    private readonly ConcurrentDictionary<string, StreamChannelAdapter> _connections = new(StringComparer.Ordinal);

    /// <summary>Holds publishers back through <paramref name="flowControl"/> before any delivery.</summary>
    public DirectDelivery(DeliveryFlowControl flowControl)
    {
        _flowControl = flowControl;
    }

    /// <inheritdoc />
    public void Attach(MqttServer server)
    {
        server.InterceptingClientEnqueueAsync += OnEnqueueAsync;
        server.QueuedApplicationMessageOverwrittenAsync += OnOverwrittenAsync;
    }

    /// <summary>
    /// A client sent CONNECT with <paramref name="clientId"/> on <paramref name="connection"/>. A connection still open under that id may be about to be
    /// taken over: until the new one is accepted or closed, messages for that id stay in MQTTnet's session, which the
    /// new connection takes over if it resumes it.
    /// </summary>
    public void Connecting(string clientId, StreamChannelAdapter connection)
    {
        if (_connections.TryGetValue(clientId, out StreamChannelAdapter? open) && !ReferenceEquals(open, connection))
        {
            open.Direct.Suspend();
            connection.Direct.TakingOverFrom = open.Direct;
        }
    }

    /// <summary>
    /// Follows <paramref name="connection"/>, whose CONNACK accepting the client that sent <paramref name="connect"/> has
    /// been written. Messages are written to it directly if it qualifies (MQTT 3.1/3.1.1, clean session).
    /// </summary>
    public void Accepted(MqttConnectPacket connect, StreamChannelAdapter connection)
    {
        MqttProtocolVersion protocolVersion = connection.PacketFormatterAdapter.ProtocolVersion;
        connection.Direct.Qualifies = connect.CleanSession && protocolVersion is MqttProtocolVersion.V310 or MqttProtocolVersion.V311;
        connection.Direct.TakingOverFrom = null;
        _connections[connect.ClientId] = connection;
    }

    /// <summary>
    /// <paramref name="connection"/>, which sent CONNECT with <paramref name="clientId"/>, has closed. If it was never
    /// accepted (a wrong password, say), the connection it would have taken over goes on as before.
    /// </summary>
    public void Closed(string clientId, StreamChannelAdapter connection)
    {
        if (!connection.WasAccepted && connection.Direct.TakingOverFrom is { } open)
        {
            open.Resume();
        }

        // A client that connected again with the same id has a new connection here already; that one stays.
        _connections.TryRemove(new KeyValuePair<string, StreamChannelAdapter>(clientId, connection));
    }

    /// <summary>QoS 0 messages written to <paramref name="clientId"/> by this class, which MQTTnet's statistics do not count.</summary>
    public long DeliveredTo(string clientId)
    {
        return _connections.TryGetValue(clientId, out StreamChannelAdapter? connection) ? connection.Direct.Delivered : 0;
    }

    private Task OnEnqueueAsync(InterceptingClientApplicationMessageEnqueueEventArgs eventArgs)
    {
        // The connection is looked up before any wait: MQTTnet chose the recipient's session already, and a client that
        // connects again while the publisher waits has a new session, which this message is not for.
        _connections.TryGetValue(eventArgs.ReceiverClientId, out StreamChannelAdapter? connection);
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
        bool stillCurrent = connection is not null
            && _connections.TryGetValue(eventArgs.ReceiverClientId, out StreamChannelAdapter? current)
            && ReferenceEquals(current, connection);
        Deliver(eventArgs, stillCurrent ? connection : null);
    }

    private void Deliver(InterceptingClientApplicationMessageEnqueueEventArgs eventArgs, StreamChannelAdapter? connection)
    {
        if (connection is null || !connection.Direct.Qualifies)
        {
            return;
        }

        // While a CONNECT with this client's id is pending (not Accepts), messages are not written directly but are
        // still counted, so none written directly after a refused CONNECT overtakes them.
        MqttApplicationMessage message = eventArgs.ApplicationMessage;
        string senderId = eventArgs.SenderClientId;
        bool writeNow = connection.Direct.Accepts
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
        return _connections.TryGetValue(senderId, out StreamChannelAdapter? sender) && sender.IsSendingMore;
    }

    private Task OnOverwrittenAsync(QueueMessageOverwrittenEventArgs eventArgs)
    {
        if (_connections.TryGetValue(eventArgs.ReceiverClientId, out StreamChannelAdapter? connection) && connection.Direct.Qualifies)
        {
            connection.Direct.CountLeftMqttnetQueue();
        }

        return Task.CompletedTask;
    }
}
