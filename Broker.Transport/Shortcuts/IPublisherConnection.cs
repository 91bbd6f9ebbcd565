using Esp32Mqtt.Broker.Transport.Connections;

namespace Esp32Mqtt.Broker.Transport.Shortcuts;

/// <summary>What <see cref="InlinePublisher"/> asks of the connection whose publishes it routes.</summary>
internal interface IPublisherConnection
{
    /// <summary>Whether the client has sent more than MQTTnet has taken from the connection so far.</summary>
    bool IsSendingMore { get; }

    /// <summary>Whether a CONNECT with the client's id is pending on another connection.</summary>
    ConnectionTakeover Takeover { get; }
}
