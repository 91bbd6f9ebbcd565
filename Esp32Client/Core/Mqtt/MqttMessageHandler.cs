namespace Esp32Client.Core
{
    /// <summary>Called for each message that arrives on a subscribed topic.</summary>
    public delegate void MqttMessageHandler(string topic, byte[] payload);
}
