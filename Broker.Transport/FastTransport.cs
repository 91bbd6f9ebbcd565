using System.Net;
using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.FlowControl;
using Esp32Mqtt.Broker.Transport.KeepAlive;
using Esp32Mqtt.Broker.Transport.Listening;
using Esp32Mqtt.Broker.Transport.Ordering;
using Esp32Mqtt.Broker.Transport.Shortcuts;
using Microsoft.Extensions.Logging;
using MQTTnet.Adapter;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport;

/// <summary>
/// The fast transport, composed from its parts: the guarded listener (<see cref="FastServerAdapter"/>), publishes
/// routed on the reading thread (<see cref="PublishInjector"/>), QoS 0 deliveries written on the publisher's thread
/// (<see cref="DirectDelivery"/>), backpressure from slow subscribers (<see cref="DeliveryFlowControl"/>), the order of
/// retained publishes and subscriptions (<see cref="RetainedRoutingGate"/>), and keep-alives checked on every packet
/// read (<see cref="KeepAliveMonitor"/>).
/// </summary>
internal sealed class FastTransport : IBrokerTransport
{
    private readonly ConnectPackets _connectPackets = new();
    private readonly AcrossConnections _across;
    private readonly AcceptedConnections _accepted = new();
    private readonly DeliveryFlowControl _flowControl;
    private readonly PublishInjector _publishInjector;
    private readonly DirectDelivery _directDelivery;
    private readonly FastServerAdapter _listener;
    private readonly KeepAliveMonitor _keepAlive;

    /// <summary>Makes the parts; nothing listens until MQTTnet starts <see cref="Adapter"/>.</summary>
    public FastTransport(TransportSettings settings, ILogger logger, TimeProvider timeProvider)
    {
        ConnectionProblems problems = new(settings);
        _across = new AcrossConnections(timeProvider);
        _flowControl = new DeliveryFlowControl(settings.MaxPendingMessagesPerClient, timeProvider);
        _publishInjector = new PublishInjector(_accepted);
        _directDelivery = new DirectDelivery(_flowControl, _accepted);
        _listener = new FastServerAdapter(settings, problems, _connectPackets, _flowControl, _accepted, _publishInjector, _across);
        _keepAlive = new KeepAliveMonitor(_accepted, problems, timeProvider, logger);
    }

    /// <inheritdoc />
    public IMqttServerAdapter Adapter => _listener;

    /// <summary>The backpressure from slow subscribers, for tests that wait until a publisher is held back.</summary>
    internal DeliveryFlowControl FlowControl => _flowControl;

    /// <inheritdoc />
    public bool SupervisesKeepAlive => true;

    /// <inheritdoc />
    public IPEndPoint? LocalEndPoint => _listener.LocalEndPoint;

    /// <inheritdoc />
    public void Attach(MqttServer server)
    {
        // Each part's handlers do not depend on one another's order: DirectDelivery asks the flow control itself, and
        // the takeovers AcceptedConnections follows are only looked at when a later packet arrives.
        _across.Attach(server);
        _accepted.Attach(server);
        _flowControl.Attach(server);
        _directDelivery.Attach(server);
        _publishInjector.Attach(server);
        _keepAlive.Start();
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
        return new ShortcutCounts(_publishInjector.PublishedBy(clientId), _directDelivery.DeliveredTo(clientId));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _keepAlive.Dispose();
        _listener.Dispose();
    }
}
