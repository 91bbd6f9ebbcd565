namespace Esp32Mqtt.Broker.Events;

/// <summary>
/// Receives the broker's <see cref="TrafficEvent"/>s, on the thread that raised them: keep the work short and never
/// throw. Listeners do not depend on one another or on their order.
/// </summary>
public interface ITrafficListener
{
    /// <summary>How many messages this listener wants now.</summary>
    MessageInterest MessageInterest { get; }

    /// <summary>Raised when <see cref="MessageInterest"/> changes (a log level reloaded, a dashboard page opened).</summary>
    event Action? MessageInterestChanged;

    /// <summary>Handles one event.</summary>
    void OnTraffic(TrafficEvent traffic);
}
