using Esp32Mqtt.Broker.Transport;
using Xunit;

namespace Esp32Mqtt.TestSupport;

/// <summary>The broker's transports, for behaviour tests that must hold on both (a difference is a failing test).</summary>
public static class Transports
{
    /// <summary>The fast transport and MQTTnet's own, as theory data.</summary>
    public static TheoryData<TransportKind> Both => new() { TransportKind.Fast, TransportKind.MqttNet };

    /// <summary>Every transport with every one of <paramref name="values"/>, as theory data.</summary>
    public static TheoryData<TransportKind, T> Times<T>(params T[] values)
    {
        TheoryData<TransportKind, T> data = [];
        foreach (TransportKind transport in Both)
        {
            foreach (T value in values)
            {
                data.Add(transport, value);
            }
        }

        return data;
    }
}
