namespace Esp32Client.Core
{
    /// <summary>
    /// One client object of an MQTT library, used for a single connection: made for one connect attempt and given up
    /// when that attempt fails or that connection ends (<see cref="MqttSessionConnection"/> explains why). Unlike
    /// <see cref="IMqttConnection"/>, its calls may throw; <see cref="MqttSessionConnection"/> turns failures into
    /// results and log lines.
    /// </summary>
    public interface IMqttSession
    {
        /// <summary>True while the library considers the connection open.</summary>
        bool IsConnected { get; }

        /// <summary>
        /// Sends CONNECT and waits for the CONNACK: <see cref="MqttConnectResult.Connected"/>, or
        /// <see cref="MqttConnectResult.Refused"/> with the broker's reason in words. Throws when the broker cannot be
        /// reached or does not answer in time.
        /// </summary>
        MqttConnectResult Connect(MqttConnectFields fields);

        /// <summary>Queues a SUBSCRIBE for the topics at QoS 1.</summary>
        void Subscribe(string[] topics);

        /// <summary>Queues an UNSUBSCRIBE for the topics.</summary>
        void Unsubscribe(string[] topics);

        /// <summary>Queues a PUBLISH at QoS 0.</summary>
        void Publish(string topic, byte[] payload, bool retain);

        /// <summary>Sends DISCONNECT and closes; the library may report the close to its listener afterwards.</summary>
        void Disconnect();

        /// <summary>
        /// Closes the socket and stops the library's threads without a DISCONNECT, so a broker that had accepted the
        /// connection publishes the will. May block for a while (NANOFRAMEWORK.md, "Close takes time").
        /// </summary>
        void Close();
    }
}
