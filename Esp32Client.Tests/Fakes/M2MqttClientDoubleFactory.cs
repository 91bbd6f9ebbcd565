using Esp32Client.Core;

namespace Esp32Client.Tests.Fakes;

/// <summary>Makes <see cref="M2MqttClientDouble"/>s: a new one per attempt, or, to show what that avoids, always the same.</summary>
public sealed class M2MqttClientDoubleFactory(BrokerRecord broker, bool reuseOneClient) : IMqttSessionFactory
{
    public List<M2MqttClientDouble> Clients { get; } = [];

    public M2MqttClientDouble Current => Clients[^1];

    public bool TryCreate(IMqttSessionListener listener, out IMqttSession? session, out string error)
    {
        if (!reuseOneClient || Clients.Count == 0)
        {
            Clients.Add(new M2MqttClientDouble(broker));
        }

        Current.Listener = listener;
        session = Current;
        error = string.Empty;
        return true;
    }

    public string Describe(Exception exception)
    {
        return exception.Message;
    }
}
