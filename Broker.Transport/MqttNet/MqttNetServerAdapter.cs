using System.Net;
using Esp32Mqtt.Broker.Transport.Channels;
using Esp32Mqtt.Broker.Transport.Connections;
using Esp32Mqtt.Broker.Transport.FlowControl;
using Esp32Mqtt.Broker.Transport.Framing;
using Esp32Mqtt.Broker.Transport.Listening;
using Esp32Mqtt.Broker.Transport.Ordering;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Transport.MqttNet;

/// <summary>
/// The plain transport's listener for MQTTnet: every connection the <see cref="GuardedListener"/> accepts is served by
/// MQTTnet's own channel adapter (MqttChannelAdapter over MqttTcpChannel, as MQTTnet.Server 5.2's MqttTcpServerListener
/// makes them), with the checks every connection needs around it (<see cref="CheckedMqttNetChannel"/>). Only MQTTnet's
/// public API is used, so an MQTTnet upgrade that breaks the fast transport's shortcuts leaves this one working.
/// </summary>
internal sealed class MqttNetServerAdapter : GuardedServerAdapter
{
    private readonly TransportSettings _settings;
    private readonly ConnectionProblems _problems;
    private readonly ConnectPackets _connectPackets;
    private readonly DeliveryFlowControl _flowControl;
    private readonly AcrossConnections _across;

    /// <summary>Creates the adapter; nothing is bound until MQTTnet starts it.</summary>
    public MqttNetServerAdapter(TransportSettings settings, ConnectionProblems problems, ConnectPackets connectPackets, DeliveryFlowControl flowControl, AcrossConnections across)
        : base(settings, problems, across)
    {
        _settings = settings;
        _problems = problems;
        _connectPackets = connectPackets;
        _flowControl = flowControl;
        _across = across;
    }

    /// <inheritdoc />
    protected override async Task ServeAsync(PacketGuardStream guard, IPEndPoint localEndPoint, IPEndPoint remote, Func<IMqttChannelAdapter, Task> clientHandler)
    {
        MqttServerOptions options = ServerOptions!;
        MqttTcpChannel channel = new(guard, localEndPoint, remote, clientCertificate: null!);
        MqttPacketFormatterAdapter formatter = new(new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
        using MqttChannelAdapter mqttnetAdapter = new(channel, formatter, Logger!);
        CheckedMqttNetChannel checkedChannel = new(mqttnetAdapter, _settings, _problems, _connectPackets, _flowControl, _across.RoutingGate);
        TurnTakingChannel turnTaking = _across.Wrap(checkedChannel);
        try
        {
            await clientHandler(turnTaking).ConfigureAwait(false);
        }
        finally
        {
            turnTaking.Finish();
            checkedChannel.Ended();
        }
    }
}
