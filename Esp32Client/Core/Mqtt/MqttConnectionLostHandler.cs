namespace Esp32Client.Core
{
    /// <summary>Called when an established connection to the broker is lost (not after <see cref="IMqttConnection.Disconnect"/>).</summary>
    public delegate void MqttConnectionLostHandler();
}
