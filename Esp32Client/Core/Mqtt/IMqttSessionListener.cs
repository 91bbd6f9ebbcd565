namespace Esp32Client.Core
{
    /// <summary>
    /// What an <see cref="IMqttSession"/> reports. Called on the library's own threads, so implementations return
    /// quickly and never throw (M2Mqtt closes the connection when a handler throws: NANOFRAMEWORK.md, "Event handlers").
    /// </summary>
    public interface IMqttSessionListener
    {
        /// <summary>A message arrived on a subscribed topic.</summary>
        void OnMessageReceived(IMqttSession session, string topic, byte[] payload);

        /// <summary>The session's connection closed: the broker or the network went away, or after its own Disconnect.</summary>
        void OnClosed(IMqttSession session);
    }
}
