using Esp32Mqtt.Broker.Transport.MqttNet;
using Microsoft.Extensions.Logging;

namespace Esp32Mqtt.Broker.Transport;

/// <summary>Makes the transport the broker is configured with.</summary>
public static class BrokerTransports
{
    /// <summary>The logger category of the transports' own errors.</summary>
    public const string LogCategory = "Esp32Mqtt.Broker.Transport";

    /// <summary>Makes a transport of <paramref name="kind"/>; it listens once MQTTnet's server starts its adapter.</summary>
    public static IBrokerTransport Create(TransportKind kind, TransportSettings settings, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ILogger logger = loggerFactory.CreateLogger(LogCategory);
        return kind switch
        {
            TransportKind.Fast => new FastTransport(settings, logger, timeProvider),
            TransportKind.MqttNet => new MqttNetTransport(settings, timeProvider),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown transport."),
        };
    }
}
