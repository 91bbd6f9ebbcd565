using System.Net;
using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.FlowControl;
using Esp32Mqtt.Broker.Transport.Ordering;
using MQTTnet.Adapter;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport.MqttNet;

/// <summary>
/// The plain transport: MQTTnet's own TCP listener and channel adapter, with only the checks every connection needs
/// (<see cref="CheckedMqttNetChannel"/>) and the same backpressure as the fast transport. No shortcuts past MQTTnet's
/// queues: its keep-alive monitor stays on, and its statistics count every message.
/// </summary>
internal sealed class MqttNetTransport : IBrokerTransport
{
    private readonly ConnectPackets _connectPackets = new();
    private readonly AcrossConnections _across;
    private readonly DeliveryFlowControl _flowControl;
    private readonly MqttNetServerAdapter _listener;

    /// <summary>Makes the parts; nothing listens until MQTTnet starts <see cref="Adapter"/>.</summary>
    public MqttNetTransport(TransportSettings settings, TimeProvider timeProvider)
    {
        _flowControl = new DeliveryFlowControl(settings.MaxPendingMessagesPerClient, timeProvider);
        _across = new AcrossConnections(timeProvider);
        _listener = new MqttNetServerAdapter(settings, new ConnectionProblems(settings), _connectPackets, _flowControl, _across);
    }

    /// <inheritdoc />
    public IMqttServerAdapter Adapter => _listener;

    /// <inheritdoc />
    public bool SupervisesKeepAlive => false;

    /// <inheritdoc />
    public IPEndPoint? LocalEndPoint => _listener.LocalEndPoint;

    /// <inheritdoc />
    public void Attach(MqttServer server)
    {
        _across.Attach(server);
        _flowControl.Attach(server);

        // The fast transport asks the flow control from DirectDelivery's handler; here nothing else intercepts.
        server.InterceptingClientEnqueueAsync += eventArgs => _flowControl.BeforeEnqueueAsync(eventArgs.SenderClientId, eventArgs.ReceiverClientId);
    }

    /// <inheritdoc />
    public void StopAccepting()
    {
        _listener.StopAccepting();
    }

    /// <inheritdoc />
    public Task ServeAsync(Stream connection, IPEndPoint localEndPoint, IPEndPoint remoteEndPoint, Func<IMqttChannelAdapter, Task> clientHandler)
    {
        return _listener.ServeAsync(connection, localEndPoint, remoteEndPoint, clientHandler);
    }

    /// <inheritdoc />
    public Task WhenAllConnectionsEndedAsync()
    {
        return _listener.WhenAllEndedAsync();
    }

    /// <inheritdoc />
    public MqttConnectPacket? FindConnectPacket(EndPoint? remote)
    {
        return _connectPackets.Find(remote);
    }

    /// <inheritdoc />
    public Task RunBetweenConnectionsAsync(string clientId, Func<Task> action)
    {
        return _across.Turns.RunBetweenConnectionsAsync(clientId, action);
    }

    /// <inheritdoc />
    public ShortcutCounts CountsFor(string clientId)
    {
        return default;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _listener.Dispose();
    }
}
