using MQTTnet.Server;

namespace Esp32Mqtt.Broker.Hosting;

/// <summary>A part of the broker that hooks its handlers onto MQTTnet's server events before the server starts.</summary>
public interface IMqttServerObserver
{
    /// <summary>Attaches this part's event handlers to <paramref name="server"/>.</summary>
    void Attach(MqttServer server);
}
