namespace Esp32Client.Core
{
    /// <summary>
    /// One MQTT connection to the broker. Publishes are QoS 0 and subscriptions QoS 1; the adapter never queues
    /// a publish while disconnected.
    /// </summary>
    public interface IMqttConnection
    {
        /// <summary>Raised on the client's dispatch thread for each message received.</summary>
        event MqttMessageHandler? MessageReceived;

        /// <summary>Raised when the connection drops (broker gone, network lost, keep-alive timeout).</summary>
        event MqttConnectionLostHandler? ConnectionLost;

        /// <summary>True while connected to the broker.</summary>
        bool IsConnected { get; }

        /// <summary>Connects, blocking until the broker answers or the attempt fails. Never throws.</summary>
        MqttConnectResult Connect(MqttConnectRequest request);

        /// <summary>Subscribes to the topics at QoS 1; false when not connected.</summary>
        bool Subscribe(string[] topics);

        /// <summary>Removes subscriptions; false when not connected.</summary>
        bool Unsubscribe(string[] topics);

        /// <summary>Publishes at QoS 0; false (and nothing queued) when not connected or the client's queue is full.</summary>
        bool Publish(string topic, byte[] payload, bool retain);

        /// <summary>Sends DISCONNECT and closes the connection; the will is not published.</summary>
        void Disconnect();
    }
}
